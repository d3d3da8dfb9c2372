import { describe, expect, it } from 'vitest';
import {
  InMemoryUnitOfWork,
  InsecureTestPasswordHasher,
  ManualClock,
  RecordingOutboxPublisher,
} from '@doctorly/core/testing';
import { RegisterUser } from './register-user.js';
import { CreateAdmin } from './create-admin.js';

describe('CreateAdmin', () => {
  const uow = new InMemoryUnitOfWork();
  const publisher = new RecordingOutboxPublisher();
  const clock = new ManualClock();
  const hasher = new InsecureTestPasswordHasher();
  const createAdmin = new CreateAdmin(uow, publisher, clock, hasher);

  it('creates an account with role admin', async () => {
    const view = await createAdmin.execute({
      name: 'Root',
      email: 'root@example.com',
      password: 'long enough',
    });
    expect(view.role).toBe('admin');
    expect((await uow.read.users.findById(view.id))?.role).toBe('admin');
  });

  it('refuses an email in use with EMAIL_TAKEN', async () => {
    await new RegisterUser(uow, publisher, clock, hasher).execute({
      name: 'U',
      email: 'u@example.com',
      password: 'long enough',
    });
    await expect(
      createAdmin.execute({ name: 'U', email: 'U@example.com', password: 'long enough' }),
    ).rejects.toMatchObject({
      code: 'EMAIL_TAKEN',
    });
    expect((await uow.read.users.findByEmail('u@example.com'))?.role).toBe('user');
  });
});
