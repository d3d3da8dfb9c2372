import { describe, expect, it } from 'vitest';
import {
  InMemoryUnitOfWork,
  InsecureTestPasswordHasher,
  ManualClock,
  RecordingOutboxPublisher,
} from '@doctorly/core/testing';
import { RegisterUser } from './register-user.js';

function setup() {
  const uow = new InMemoryUnitOfWork();
  const publisher = new RecordingOutboxPublisher();
  const hasher = new InsecureTestPasswordHasher();
  const clock = new ManualClock('2026-01-05T09:00:00Z');
  return { uow, publisher, hasher, registerUser: new RegisterUser(uow, publisher, clock, hasher) };
}

describe('RegisterUser', () => {
  it('creates a user with role user, a hashed password and a user.changed event', async () => {
    const { uow, publisher, hasher, registerUser } = setup();
    const view = await registerUser.execute({
      name: ' Ayesha ',
      email: 'Ayesha@Example.com',
      password: 'correct horse',
    });
    expect(view).toEqual({
      id: view.id,
      name: 'Ayesha',
      email: 'ayesha@example.com',
      registered_at: '2026-01-05T09:00:00.000Z',
      confirmed: false,
      role: 'user',
    });
    const stored = await uow.read.users.findById(view.id);
    expect(stored?.passwordHash).not.toContain('correct horse');
    expect(await hasher.verify('correct horse', stored!.passwordHash)).toBe(true);
    expect(publisher.events).toEqual([{ type: 'user.changed', userId: view.id }]);
    expect([...uow.snapshot().outbox.values()].map((row) => row.event)).toEqual([
      { type: 'user.changed', userId: view.id },
    ]);
  });

  it('refuses an email in use, whatever its case, with EMAIL_TAKEN', async () => {
    const { uow, registerUser } = setup();
    await registerUser.execute({ name: 'A', email: 'a@example.com', password: 'password1' });
    await expect(
      registerUser.execute({ name: 'B', email: ' A@EXAMPLE.com', password: 'password2' }),
    ).rejects.toMatchObject({
      code: 'EMAIL_TAKEN',
    });
    expect(uow.snapshot().users.size).toBe(1);
  });

  it('never makes an admin: a role in the input is refused', async () => {
    const { registerUser } = setup();
    const input = { name: 'Eve', email: 'eve@example.com', password: 'password1', role: 'admin' };
    await expect(registerUser.execute(input as never)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('reports invalid fields by path', async () => {
    const { registerUser } = setup();
    await expect(
      registerUser.execute({ name: '', email: 'nope', password: 'short' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ path: 'name' }, { path: 'email' }, { path: 'password' }],
    });
  });
});
