import { describe, expect, it } from 'vitest';
import { InMemoryUnitOfWork, ManualClock, RecordingOutboxPublisher } from '@doctorly/core/testing';
import { RegisterPatient } from './register-patient.js';
import { defaultBookingLimits } from '../booking/booking-limits.js';

describe('RegisterPatient', () => {
  it('registers a patient owned by the caller and announces it', async () => {
    const uow = new InMemoryUnitOfWork();
    const publisher = new RecordingOutboxPublisher();
    const registerPatient = new RegisterPatient(
      uow,
      publisher,
      new ManualClock('2026-01-05T09:00:00Z'),
      defaultBookingLimits,
    );
    const view = await registerPatient.execute(
      { userId: 7, role: 'user' },
      { name: ' Zara ', age: 7, gender: 'FEMALE', symptoms: 'cough' },
    );
    expect(view).toEqual({
      id: view.id,
      name: 'Zara',
      age: 7,
      gender: 'female',
      symptoms: 'cough',
      created_at: '2026-01-05T09:00:00.000Z',
    });
    expect((await uow.read.patients.findById(view.id))?.ownerId).toBe(7);
    expect(publisher.events).toEqual([{ type: 'patient.changed', patientId: view.id, ownerId: 7 }]);
  });

  it('validates the input', async () => {
    const registerPatient = new RegisterPatient(
      new InMemoryUnitOfWork(),
      new RecordingOutboxPublisher(),
      new ManualClock(),
      defaultBookingLimits,
    );
    await expect(
      registerPatient.execute({ userId: 7, role: 'user' }, { name: 'Zara', age: 200, gender: 'x' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ path: 'age' }, { path: 'gender' }],
    });
  });

  it('refuses a patient past MAX_PATIENTS_PER_USER with TOO_MANY_PATIENTS, per user, nothing stored', async () => {
    const uow = new InMemoryUnitOfWork();
    const publisher = new RecordingOutboxPublisher();
    const registerPatient = new RegisterPatient(uow, publisher, new ManualClock(), {
      ...defaultBookingLimits,
      maxPatientsPerUser: 2,
    });
    const ann = { userId: 7, role: 'user' } as const;
    const input = { name: 'Zara', age: 7, gender: 'female' };
    await registerPatient.execute(ann, input);
    await registerPatient.execute(ann, input);
    publisher.clear();
    await expect(registerPatient.execute(ann, input)).rejects.toMatchObject({
      code: 'TOO_MANY_PATIENTS',
    });
    expect(publisher.events).toEqual([]);
    expect((await uow.read.patients.listByOwner(7, { limit: 10, offset: 0 })).total).toBe(2);
    // Another user has their own allowance.
    await registerPatient.execute({ userId: 8, role: 'user' }, input);
  });

  it('holds the limit under concurrent registrations of one user', async () => {
    const uow = new InMemoryUnitOfWork();
    const registerPatient = new RegisterPatient(
      uow,
      new RecordingOutboxPublisher(),
      new ManualClock(),
      {
        ...defaultBookingLimits,
        maxPatientsPerUser: 3,
      },
    );
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        registerPatient.execute(
          { userId: 7, role: 'user' },
          { name: 'Zara', age: 7, gender: 'female' },
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(
      results.filter(
        (r) =>
          r.status === 'rejected' && (r.reason as { code?: string }).code === 'TOO_MANY_PATIENTS',
      ),
    ).toHaveLength(7);
  });
});
