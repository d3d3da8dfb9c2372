import type { z } from 'zod';
import type { Clock } from '../shared/clock.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { PasswordHasher } from './password-hasher.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { RegisterUserInput } from './identity-schemas.js';
import type { UserView } from '../doctors/doctor-view.js';
import { toUserView } from '../doctors/to-doctor-view.js';
import { commit } from '../shared/commit.js';
import { parseInput } from '../shared/parse-input.js';
import { createAccount } from './create-account.js';

/**
 * Registers an account with role `user`. There is no way to register an admin here: admins
 * are made by {@link CreateAdmin}, from the command line.
 * @category Use cases
 */
export class RegisterUser {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(input: z.input<typeof RegisterUserInput>): Promise<UserView> {
    const { name, email, password } = parseInput(RegisterUserInput, input);
    const passwordHash = await this.hasher.hash(password);
    const now = this.clock.now();
    return commit(this.uow, this.publisher, now, async (repositories) => {
      const { user, event } = await createAccount(
        repositories,
        { name, email, passwordHash, role: 'user' },
        now,
      );
      return { result: toUserView(user), events: [event] };
    });
  }
}
