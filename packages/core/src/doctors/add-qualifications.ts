import type { z } from 'zod';
import { DomainError } from '../shared/domain-error.js';
import type { Actor } from '../identity/user.js';
import type { Clock } from '../shared/clock.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { localDateOf } from '../scheduling/wall-clock.js';
import { AddQualificationsInput } from './doctor-schemas.js';
import type { DoctorView } from './doctor-view.js';
import { doctorOfActor } from './doctor-of-actor.js';
import { loadDoctorView } from './profile-support.js';
import { commit } from '../shared/commit.js';
import { parseInput } from '../shared/parse-input.js';

/**
 * Adds qualifications to the calling doctor's profile (`POST /doctors/add_qualifications`):
 * catalog qualifications with the date obtained (not in the future) and the institute.
 * Unknown names give `QUALIFICATION_NOT_FOUND` naming them; one already held is ignored.
 * @category Use cases
 */
export class AddQualifications {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: z.input<typeof AddQualificationsInput>): Promise<DoctorView> {
    const {
      qualification_name: names,
      procurement_year: dates,
      institute_name: institutes,
    } = parseInput(AddQualificationsInput, input);
    const now = this.clock.now();
    // Experience counts from these dates in UTC, so "the future" is judged the same way.
    const today = localDateOf(now, 'UTC');
    const future = dates.flatMap((date, i) =>
      date > today
        ? [{ path: `procurement_year[${i}]`, message: `${date} is in the future.` }]
        : [],
    );
    if (future.length > 0)
      throw new DomainError('VALIDATION_FAILED', 'The input is not valid.', future);

    return commit(this.uow, this.publisher, now, async (repositories) => {
      const doctor = await doctorOfActor(repositories.doctors, actor, 'profile.edit');
      const known = new Map(
        (await repositories.catalog.findQualificationsByName([...new Set(names)])).map((q) => [
          q.name,
          q,
        ]),
      );
      const unknown = names.flatMap((name, i) =>
        known.has(name) ? [] : [{ path: `qualification_name[${i}]`, name }],
      );
      if (unknown.length > 0) {
        const list = [...new Set(unknown.map((u) => u.name))].join(', ');
        throw new DomainError(
          'QUALIFICATION_NOT_FOUND',
          `Not in the catalog: ${list}.`,
          unknown.map(({ path, name }) => ({ path, message: `Unknown qualification: ${name}.` })),
        );
      }
      await repositories.doctors.addQualifications(
        doctor.id,
        names.map((name, i) => ({
          qualificationId: known.get(name)!.id,
          name,
          procurementDate: dates[i]!,
          institute: institutes[i]!,
        })),
      );
      return {
        result: await loadDoctorView(repositories, doctor.id, now),
        events: [{ type: 'doctor.changed', doctorId: doctor.id }],
      };
    });
  }
}
