import { describe, expect, it } from 'vitest';
import {
  InMemoryImageStore,
  InMemoryUnitOfWork,
  InsecureTestPasswordHasher,
  ManualClock,
  RecordingOutboxPublisher,
} from '@doctorly/core/testing';
import type { StoredImage } from '../shared/image-store.js';
import { RegisterDoctor } from './register-doctor.js';
import { RegisterUser } from '../identity/register-user.js';
import { SetDoctorImage } from './set-doctor-image.js';

const image: StoredImage = {
  bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  contentType: 'image/png',
};

async function setup() {
  const uow = new InMemoryUnitOfWork();
  const clock = new ManualClock();
  const publisher = new RecordingOutboxPublisher();
  const hasher = new InsecureTestPasswordHasher();
  const images = new InMemoryImageStore();
  const doctor = await new RegisterDoctor(uow, publisher, clock, hasher).execute({
    name: 'Dr A',
    email: 'a@example.com',
    password: 'password1',
  });
  const user = await new RegisterUser(uow, publisher, clock, hasher).execute({
    name: 'U',
    email: 'u@example.com',
    password: 'password1',
  });
  publisher.clear();
  return {
    uow,
    publisher,
    images,
    doctor,
    user,
    setDoctorImage: new SetDoctorImage(uow, publisher, clock, images),
  };
}

describe('SetDoctorImage', () => {
  it("stores the picture and sets it on the caller's profile", async () => {
    const { publisher, images, doctor, setDoctorImage } = await setup();
    const view = await setDoctorImage.execute({ userId: doctor.user.id, role: 'user' }, image);
    expect(view.image).toMatch(/^\/static\/doctors\/.+\.png$/);
    expect((await images.read(view.image!))?.bytes).toEqual(image.bytes);
    expect(publisher.events).toEqual([{ type: 'doctor.changed', doctorId: doctor.id }]);
  });

  it('NOT_A_DOCTOR for a user without a profile, and nothing is stored', async () => {
    const { images, user, setDoctorImage } = await setup();
    await expect(
      setDoctorImage.execute({ userId: user.id, role: 'user' }, image),
    ).rejects.toMatchObject({ code: 'NOT_A_DOCTOR' });
    expect(await images.read('/static/doctors/image-1.png')).toBeUndefined();
  });
});
