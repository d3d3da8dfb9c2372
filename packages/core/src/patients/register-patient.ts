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

/** Registers a patient (the caller, a relative …) owned by the calling user (`POST /patient/new`). @category Use cases */
export class RegisterPatient {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: z.input<typeof RegisterPatientInput>): Promise<PatientView> {
    const { name, age, gender, symptoms } = parseInput(RegisterPatientInput, input);
    authorize(actor, 'patient.register');
    const now = this.clock.now();
    return commit(this.uow, this.publisher, now, async (repositories) => {
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
