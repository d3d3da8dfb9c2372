import type { z } from 'zod';
import { cacheKeys, cacheTags, cacheTtl } from '../cache/cache-keys.js';
import { ReadThrough } from '../cache/read-through.js';
import type { Actor } from '../identity/user.js';
import type { Page } from '../shared/primitives.js';
import type { Cache } from '../cache/cache.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { PageInput } from '../shared/common-schemas.js';
import type { PatientView } from '../patients/patient-view.js';
import { toPatientView } from '../patients/patient-view.js';
import { doctorOfActor } from '../doctors/doctor-of-actor.js';
import { parseInput } from '../shared/parse-input.js';

/**
 * The current doctor's patients: everyone with a non-cancelled appointment in one of their
 * sittings, by name. Cached under `doctor-private:{doctorId}`, never a public tag.
 * @category Use cases
 */
export class ListDoctorPatients {
  private readonly readThrough: ReadThrough;

  constructor(
    private readonly uow: UnitOfWork,
    cache: Cache,
  ) {
    this.readThrough = new ReadThrough(cache);
  }

  async execute(actor: Actor, input: z.input<typeof PageInput> = {}): Promise<Page<PatientView>> {
    const page = parseInput(PageInput, input);
    const doctor = await doctorOfActor(this.uow.read.doctors, actor, 'profile.listPatients');
    const key = cacheKeys.doctorPatients(doctor.id, page);
    const options = { ttlSeconds: cacheTtl.lists, tags: [cacheTags.doctorPrivate(doctor.id)] };
    return this.readThrough.get(key, options, async () => {
      const found = await this.uow.read.appointments.patientsOfDoctor(doctor.id, page);
      return { items: found.items.map(toPatientView), total: found.total };
    });
  }
}
