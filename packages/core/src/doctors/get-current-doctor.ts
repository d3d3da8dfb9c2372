import { ReadThrough } from '../cache/read-through.js';
import type { Actor } from '../identity/user.js';
import type { Cache } from '../cache/cache.js';
import type { Clock } from '../shared/clock.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import type { DoctorView } from './doctor-view.js';
import { doctorOfActor } from './doctor-of-actor.js';
import { cachedDoctorView } from './profile-support.js';

/**
 * The calling doctor's own profile (`GET /doctors/info`); `NOT_A_DOCTOR` for a user without
 * one. The profile is the public view, so it shares its cache entry.
 * @category Use cases
 */
export class GetCurrentDoctor {
  private readonly reads: ReadThrough;

  constructor(
    private readonly uow: UnitOfWork,
    cache: Cache,
    private readonly clock: Clock,
  ) {
    this.reads = new ReadThrough(cache);
  }

  async execute(actor: Actor): Promise<DoctorView> {
    const doctor = await doctorOfActor(this.uow.read.doctors, actor, 'profile.read');
    return cachedDoctorView(this.reads, this.uow.read, doctor.id, () => this.clock.now());
  }
}
