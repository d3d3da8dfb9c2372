import type { z } from 'zod';
import { DomainError } from '../shared/domain-error.js';
import type { Actor } from '../identity/user.js';
import type { Clock } from '../shared/clock.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { AddSpecializationsInput } from './doctor-schemas.js';
import type { DoctorView } from './doctor-view.js';
import { doctorOfActor } from './doctor-of-actor.js';
import { loadDoctorView } from './profile-support.js';
import { commit } from '../shared/commit.js';
import { parseInput } from '../shared/parse-input.js';

/**
 * Adds catalog specializations to the calling doctor's profile
 * (`POST /doctors/add_specializations`). Unknown names give `SPECIALIZATION_NOT_FOUND`
 * naming them; ones already held are ignored.
 * @category Use cases
 */
export class AddSpecializations {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: z.input<typeof AddSpecializationsInput>): Promise<DoctorView> {
    const { specialization_name: names } = parseInput(AddSpecializationsInput, input);
    const now = this.clock.now();
    return commit(this.uow, this.publisher, now, async (repositories) => {
      const doctor = await doctorOfActor(repositories.doctors, actor, 'profile.edit');
      const found = await repositories.catalog.findSpecializationsByName([...new Set(names)]);
      const known = new Set(found.map((s) => s.name));
      const unknown = names.flatMap((name, i) =>
        known.has(name) ? [] : [{ path: `specialization_name[${i}]`, name }],
      );
      if (unknown.length > 0) {
        const list = [...new Set(unknown.map((u) => u.name))].join(', ');
        throw new DomainError(
          'SPECIALIZATION_NOT_FOUND',
          `Not in the catalog: ${list}.`,
          unknown.map(({ path, name }) => ({ path, message: `Unknown specialization: ${name}.` })),
        );
      }
      await repositories.doctors.addSpecializations(
        doctor.id,
        found.map((s) => s.id),
      );
      return {
        result: await loadDoctorView(repositories, doctor.id, now),
        events: [{ type: 'doctor.changed', doctorId: doctor.id }],
      };
    });
  }
}
