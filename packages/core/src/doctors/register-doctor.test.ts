import { describe, expect, it } from 'vitest';
import {
  InMemoryUnitOfWork,
  InsecureTestPasswordHasher,
  ManualClock,
  RecordingOutboxPublisher,
} from '@doctorly/core/testing';
import type { ReadRepositories, Repositories, UnitOfWork } from '../shared/unit-of-work.js';
import { RegisterDoctor } from './register-doctor.js';

const input = {
  name: 'Dr Ayesha',
  email: 'Ayesha@Example.com',
  password: 'correct horse',
  description: 'Hello I am a doctor',
};

/** A unit of work whose doctor repository fails inside transactions, to see the user go too. */
class FailingDoctorsUnitOfWork implements UnitOfWork {
  constructor(private readonly inner: InMemoryUnitOfWork) {}
  get read(): ReadRepositories {
    return this.inner.read;
  }
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
    return this.inner.transaction((repositories) =>
      work({
        ...repositories,
        doctors: { ...repositories.doctors, create: () => Promise.reject(new Error('disk full')) },
      }),
    );
  }
  commitBooking: UnitOfWork['commitBooking'] = (request, eventsOf, now) =>
    this.inner.commitBooking(request, eventsOf, now);
}

describe('RegisterDoctor', () => {
  it('creates a user with role user and a doctor profile, and their events', async () => {
    const uow = new InMemoryUnitOfWork();
    const publisher = new RecordingOutboxPublisher();
    const view = await new RegisterDoctor(
      uow,
      publisher,
      new ManualClock(),
      new InsecureTestPasswordHasher(),
    ).execute(input);
    expect(view).toMatchObject({
      description: 'Hello I am a doctor',
      image: null,
      experience: 0,
      rating: null,
      rating_count: 0,
      no_of_patients: 0,
      specializations: [],
      qualifications: { qualification_name: [], procurement_year: [], institute_name: [] },
      slot: [],
      user: { name: 'Dr Ayesha', email: 'ayesha@example.com', role: 'user' },
    });
    expect(await uow.read.doctors.findByUserId(view.user.id)).toMatchObject({ id: view.id });
    expect(publisher.events).toEqual([
      { type: 'user.changed', userId: view.user.id },
      { type: 'doctor.changed', doctorId: view.id },
    ]);
  });

  it('refuses an email in use with EMAIL_TAKEN and creates nothing', async () => {
    const uow = new InMemoryUnitOfWork();
    const registerDoctor = new RegisterDoctor(
      uow,
      new RecordingOutboxPublisher(),
      new ManualClock(),
      new InsecureTestPasswordHasher(),
    );
    await registerDoctor.execute(input);
    await expect(registerDoctor.execute({ ...input, name: 'Other' })).rejects.toMatchObject({
      code: 'EMAIL_TAKEN',
    });
    expect(uow.snapshot().users.size).toBe(1);
    expect(uow.snapshot().doctors.size).toBe(1);
  });

  it('creates the user and the profile in one transaction: no user is left when the profile fails', async () => {
    const inner = new InMemoryUnitOfWork();
    const publisher = new RecordingOutboxPublisher();
    const registerDoctor = new RegisterDoctor(
      new FailingDoctorsUnitOfWork(inner),
      publisher,
      new ManualClock(),
      new InsecureTestPasswordHasher(),
    );
    await expect(registerDoctor.execute(input)).rejects.toThrow('disk full');
    expect(await inner.read.users.findByEmail('ayesha@example.com')).toBeUndefined();
    expect(inner.snapshot().outbox.size).toBe(0);
    expect(publisher.events).toEqual([]);
  });

  it('validates the input', async () => {
    const registerDoctor = new RegisterDoctor(
      new InMemoryUnitOfWork(),
      new RecordingOutboxPublisher(),
      new ManualClock(),
      new InsecureTestPasswordHasher(),
    );
    await expect(
      registerDoctor.execute({ ...input, description: 'x'.repeat(2001) }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ path: 'description' }],
    });
  });
});
