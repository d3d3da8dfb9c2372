import type { z } from 'zod';
import type { Clock } from '../shared/clock.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { PasswordHasher } from '../identity/password-hasher.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { RegisterDoctorInput } from '../identity/identity-schemas.js';
import type { DoctorView } from './doctor-view.js';
import { loadDoctorView } from './profile-support.js';
import { createAccount } from '../identity/create-account.js';
import { commit } from '../shared/commit.js';
import { parseInput } from '../shared/parse-input.js';

/**
 * Registers an account (role `user`) with a doctor profile, both in one transaction: there
 * is never an account left without the profile it was made for.
 * @category Use cases
 */
export class RegisterDoctor {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(input: z.input<typeof RegisterDoctorInput>): Promise<DoctorView> {
    const { name, email, password, description } = parseInput(RegisterDoctorInput, input);
    const passwordHash = await this.hasher.hash(password);
    const now = this.clock.now();
    return commit(this.uow, this.publisher, now, async (repositories) => {
      const { user, event } = await createAccount(
        repositories,
        { name, email, passwordHash, role: 'user' },
        now,
      );
      const doctor = await repositories.doctors.create({
        userId: user.id,
        description,
        image: null,
        createdAt: now,
      });
      return {
        result: await loadDoctorView(repositories, doctor.id, now),
        events: [event, { type: 'doctor.changed', doctorId: doctor.id }],
      };
    });
  }
}
