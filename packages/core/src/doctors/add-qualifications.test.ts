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
import { AddQualifications } from './add-qualifications.js';

async function setup() {
  const uow = new InMemoryUnitOfWork();
  const clock = new ManualClock('2022-08-25T09:00:00Z');
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
    addQualifications: new AddQualifications(uow, publisher, clock),
  };
}

describe('AddQualifications', () => {
  it('adds catalog qualifications; experience counts from the earliest', async () => {
    const { publisher, doctor, actor, addQualifications } = await setup();
    const view = await addQualifications.execute(actor, {
      qualification_name: ['MD', 'mbbs'],
      procurement_year: ['2021', '2019-08-24'],
      institute_name: ['Aga Khan', 'Dow University of Health and Sciences'],
    });
    expect(view.qualifications).toEqual({
      qualification_name: ['mbbs', 'md'],
      procurement_year: ['2019-08-24', '2021-01-01'],
      institute_name: ['Dow University of Health and Sciences', 'Aga Khan'],
    });
    expect(view.experience).toBe(3);
    expect(publisher.events).toEqual([{ type: 'doctor.changed', doctorId: doctor.id }]);
  });

  it('QUALIFICATION_NOT_FOUND names the unknown qualifications and adds none', async () => {
    const { uow, doctor, actor, addQualifications } = await setup();
    const failure = addQualifications.execute(actor, {
      qualification_name: ['mbbs', 'phd in magic'],
      procurement_year: ['2019', '2020'],
      institute_name: ['Dow', 'Hogwarts'],
    });
    await expect(failure).rejects.toMatchObject({
      code: 'QUALIFICATION_NOT_FOUND',
      message: expect.stringContaining('phd in magic') as unknown,
      fieldErrors: [{ path: 'qualification_name[1]' }],
    });
    expect((await uow.read.doctors.snapshot(doctor.id))?.qualifications).toEqual([]);
  });

  it('refuses a date in the future and arrays of different lengths', async () => {
    const { actor, addQualifications } = await setup();
    await expect(
      addQualifications.execute(actor, {
        qualification_name: ['mbbs'],
        procurement_year: ['2022-08-26'],
        institute_name: ['Dow'],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ path: 'procurement_year[0]' }],
    });
    await expect(
      addQualifications.execute(actor, {
        qualification_name: ['mbbs', 'md'],
        procurement_year: ['2019'],
        institute_name: ['Dow'],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('NOT_A_DOCTOR for a user without a profile', async () => {
    const { user, addQualifications } = await setup();
    await expect(
      addQualifications.execute(
        { userId: user.id, role: 'user' },
        { qualification_name: ['mbbs'], procurement_year: ['2019'], institute_name: ['Dow'] },
      ),
    ).rejects.toMatchObject({ code: 'NOT_A_DOCTOR' });
  });
});
