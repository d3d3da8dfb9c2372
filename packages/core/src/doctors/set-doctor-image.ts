import type { Actor } from '../identity/user.js';
import type { Clock } from '../shared/clock.js';
import type { ImageStore, StoredImage } from '../shared/image-store.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import type { DoctorView } from './doctor-view.js';
import { doctorOfActor } from './doctor-of-actor.js';
import { loadDoctorView } from './profile-support.js';
import { commit } from '../shared/commit.js';

/**
 * Sets the calling doctor's profile picture (already checked and resized by the host);
 * `NOT_A_DOCTOR` for a user without a profile.
 * @category Use cases
 */
export class SetDoctorImage {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
    private readonly images: ImageStore,
  ) {}

  async execute(actor: Actor, image: StoredImage): Promise<DoctorView> {
    // Refuse before storing anything: a non-doctor's upload must not leave a file behind.
    await doctorOfActor(this.uow.read.doctors, actor, 'profile.edit');
    const path = await this.images.save('doctors', image);
    const now = this.clock.now();
    return commit(this.uow, this.publisher, now, async (repositories) => {
      const doctor = await doctorOfActor(repositories.doctors, actor, 'profile.edit');
      await repositories.doctors.update(doctor.id, { image: path });
      return {
        result: await loadDoctorView(repositories, doctor.id, now),
        events: [{ type: 'doctor.changed', doctorId: doctor.id }],
      };
    });
  }
}
