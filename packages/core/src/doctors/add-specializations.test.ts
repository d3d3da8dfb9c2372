import { describe, expect, it } from 'vitest';
import {
  InMemoryUnitOfWork,
  InsecureTestPasswordHasher,
  ManualClock,
  RecordingOutboxPublisher,
} from '@doctorly/core/testing';
import { RegisterDoctor } from './register-doctor.js';
import { RegisterUser } from '../identity/register-user.js';
import { SeedCatalog } from '../catalog/seed-catalog.js';
import { AddSpecializations } from './add-specializations.js';

async function setup() {
  const uow = new InMemoryUnitOfWork();
  const clock = new ManualClock();
  const publisher = new RecordingOutboxPublisher();
  const hasher = new InsecureTestPasswordHasher();
  await new SeedCatalog(uow, publisher, clock).execute();
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
  const actor = { userId: doctor.user.id, role: 'user' as const };
  return {
    uow,
    publisher,
    doctor,
    actor,
    user,
    addSpecializations: new AddSpecializations(uow, publisher, clock),
  };
}

describe('AddSpecializations', () => {
  it('adds catalog specializations once each, by normalised name', async () => {
    const { publisher, doctor, actor, addSpecializations } = await setup();
    await addSpecializations.execute(actor, { specialization_name: ['Cardiologist'] });
    const view = await addSpecializations.execute(actor, {
      specialization_name: [' plastic  SURGEON', 'cardiologist', 'allergist'],
    });
    expect(view.specializations.map((s) => s.name)).toEqual([
      'allergist',
      'cardiologist',
      'plastic surgeon',
    ]);
    expect(publisher.events).toEqual([
      { type: 'doctor.changed', doctorId: doctor.id },
      { type: 'doctor.changed', doctorId: doctor.id },
    ]);
  });

  it('SPECIALIZATION_NOT_FOUND names the unknown ones and adds none', async () => {
    const { uow, doctor, actor, addSpecializations } = await setup();
    await expect(
      addSpecializations.execute(actor, { specialization_name: ['allergist', 'wizard', 'witch'] }),
    ).rejects.toMatchObject({
      code: 'SPECIALIZATION_NOT_FOUND',
      message: 'Not in the catalog: wizard, witch.',
      fieldErrors: [{ path: 'specialization_name[1]' }, { path: 'specialization_name[2]' }],
    });
    expect((await uow.read.doctors.snapshot(doctor.id))?.specializations).toEqual([]);
  });

  it('NOT_A_DOCTOR for a user without a profile', async () => {
    const { user, addSpecializations } = await setup();
    await expect(
      addSpecializations.execute(
        { userId: user.id, role: 'user' },
        { specialization_name: ['allergist'] },
      ),
    ).rejects.toMatchObject({
      code: 'NOT_A_DOCTOR',
    });
  });
});
