import type { z } from 'zod';
import type { Clock } from '../shared/clock.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { PasswordHasher } from './password-hasher.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { CreateAdminInput } from './identity-schemas.js';
import type { UserView } from '../doctors/doctor-view.js';
import { toUserView } from '../doctors/to-doctor-view.js';
import { commit } from '../shared/commit.js';
import { parseInput } from '../shared/parse-input.js';
import { createAccount } from './create-account.js';

/**
 * Creates an administrator account (who manages the catalog). Meant for the command line of
 * an operator, never for an HTTP route: admins are not self-made.
 * @category Use cases
 */
export class CreateAdmin {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(input: z.input<typeof CreateAdminInput>): Promise<UserView> {
    const { name, email, password } = parseInput(CreateAdminInput, input);
    const passwordHash = await this.hasher.hash(password);
    const now = this.clock.now();
    return commit(this.uow, this.publisher, now, async (repositories) => {
      const { user, event } = await createAccount(
        repositories,
        { name, email, passwordHash, role: 'admin' },
        now,
      );
      return { result: toUserView(user), events: [event] };
    });
  }
}
