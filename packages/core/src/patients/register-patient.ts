import type { z } from 'zod';
import type { Actor } from '../identity/user.js';
import type { Clock } from '../shared/clock.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { RegisterPatientInput } from './patient-schemas.js';
import { toPatientView, type PatientView } from './patient-view.js';
import { commit } from '../shared/commit.js';
import { parseInput } from '../shared/parse-input.js';
import { authorize } from '../access/authorize.js';
import { DomainError } from '../shared/domain-error.js';
import type { BookingLimits } from '../booking/booking-limits.js';
import { mayRegisterAnotherPatient } from './patient-limit.js';

/**
 * Registers a patient (the caller, a relative …) owned by the calling user (`POST /patient/new`),
 * at most `limits.maxPatientsPerUser` per user (`TOO_MANY_PATIENTS`), counted in the same
 * transaction under the user's lock.
 * @category Use cases
 */
export class RegisterPatient {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
    private readonly limits: BookingLimits,
  ) {}

  async execute(actor: Actor, input: z.input<typeof RegisterPatientInput>): Promise<PatientView> {
    const { name, age, gender, symptoms } = parseInput(RegisterPatientInput, input);
    authorize(actor, 'patient.register');
    const now = this.clock.now();
    return commit(this.uow, this.publisher, now, async (repositories) => {
      const owned = await repositories.patients.lockAndCountOwned(actor.userId);
      if (!mayRegisterAnotherPatient(owned, this.limits)) {
        throw new DomainError(
          'TOO_MANY_PATIENTS',
          `An account may register at most ${this.limits.maxPatientsPerUser} patients.`,
        );
      }
      const patient = await repositories.patients.create({
        ownerId: actor.userId,
        name,
        age,
        gender,
        symptoms,
        createdAt: now,
      });
      return {
        result: toPatientView(patient),
        events: [{ type: 'patient.changed', patientId: patient.id, ownerId: actor.userId }],
      };
    });
  }
}
