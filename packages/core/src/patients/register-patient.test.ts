import { describe, expect, it } from 'vitest';
import { InMemoryUnitOfWork, ManualClock, RecordingOutboxPublisher } from '@doctorly/core/testing';
import { RegisterPatient } from './register-patient.js';

describe('RegisterPatient', () => {
  it('registers a patient owned by the caller and announces it', async () => {
    const uow = new InMemoryUnitOfWork();
    const publisher = new RecordingOutboxPublisher();
    const registerPatient = new RegisterPatient(
      uow,
      publisher,
      new ManualClock('2026-01-05T09:00:00Z'),
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
    );
    await expect(
      registerPatient.execute({ userId: 7, role: 'user' }, { name: 'Zara', age: 200, gender: 'x' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ path: 'age' }, { path: 'gender' }],
    });
  });
});
