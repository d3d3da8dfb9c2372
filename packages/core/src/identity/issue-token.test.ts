import { describe, expect, it } from 'vitest';
import {
  InMemoryRateLimiter,
  InMemoryTokenIssuer,
  InMemoryUnitOfWork,
  InsecureTestPasswordHasher,
  ManualClock,
  RecordingOutboxPublisher,
} from '@doctorly/core/testing';
import { RegisterUser } from './register-user.js';
import { IssueToken } from './issue-token.js';

/** Counts verifications: a login must spend one whether or not the account exists. */
class CountingHasher extends InsecureTestPasswordHasher {
  verifications = 0;
  override verify(password: string, hash: string): Promise<boolean> {
    this.verifications += 1;
    return super.verify(password, hash);
  }
}

async function setup() {
  const uow = new InMemoryUnitOfWork();
  const clock = new ManualClock('2026-01-05T09:00:00Z');
  const hasher = new CountingHasher();
  const tokens = new InMemoryTokenIssuer(3600);
  const issueToken = new IssueToken(uow, clock, hasher, tokens, new InMemoryRateLimiter(clock));
  const user = await new RegisterUser(uow, new RecordingOutboxPublisher(), clock, hasher).execute({
    name: 'Ayesha',
    email: 'ayesha@example.com',
    password: 'correct horse',
  });
  return { clock, hasher, tokens, issueToken, user };
}

describe('IssueToken', () => {
  it('issues a token for the right password, whatever the email case', async () => {
    const { clock, tokens, issueToken, user } = await setup();
    const issued = await issueToken.execute({
      email: ' AYESHA@example.com',
      password: 'correct horse',
    });
    expect(issued.expires_at).toBe('2026-01-05T10:00:00.000Z');
    expect(await tokens.verify(issued.token, clock.now())).toMatchObject({
      userId: user.id,
      role: 'user',
    });
  });

  it('answers a wrong password and an unknown email alike, each after one verification', async () => {
    const { hasher, issueToken } = await setup();
    const before = hasher.verifications;
    await expect(
      issueToken.execute({ email: 'ayesha@example.com', password: 'wrong' }),
    ).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: 'The email or the password is wrong.',
    });
    await expect(
      issueToken.execute({ email: 'nobody@example.com', password: 'wrong' }),
    ).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: 'The email or the password is wrong.',
    });
    expect(hasher.verifications - before).toBe(2);
  });

  it('after 5 failures on an account refuses even the right password, without verifying, until the window ends', async () => {
    const { clock, hasher, issueToken } = await setup();
    for (let i = 0; i < 5; i += 1) {
      await expect(
        issueToken.execute({ email: 'ayesha@example.com', password: 'guess' }),
      ).rejects.toMatchObject({
        code: 'INVALID_CREDENTIALS',
      });
    }
    const before = hasher.verifications;
    await expect(
      issueToken.execute({ email: 'ayesha@example.com', password: 'correct horse' }),
    ).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    expect(hasher.verifications).toBe(before);
    clock.advance(15 * 60);
    await expect(
      issueToken.execute({ email: 'ayesha@example.com', password: 'correct horse' }),
    ).resolves.toHaveProperty('token');
  });

  it('a success resets the account count', async () => {
    const { issueToken } = await setup();
    const fail = () =>
      expect(
        issueToken.execute({ email: 'ayesha@example.com', password: 'guess' }),
      ).rejects.toMatchObject({
        code: 'INVALID_CREDENTIALS',
      });
    for (let i = 0; i < 4; i += 1) await fail();
    await issueToken.execute({ email: 'ayesha@example.com', password: 'correct horse' });
    for (let i = 0; i < 5; i += 1) await fail();
    await expect(
      issueToken.execute({ email: 'ayesha@example.com', password: 'guess' }),
    ).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
  });

  it('after 20 failures from one address refuses that address, on any account, but not others', async () => {
    const { issueToken } = await setup();
    for (let i = 0; i < 20; i += 1) {
      await expect(
        issueToken.execute({
          email: `user${i}@example.com`,
          password: 'guess',
          address: '10.0.0.1',
        }),
      ).rejects.toMatchObject({
        code: 'INVALID_CREDENTIALS',
      });
    }
    await expect(
      issueToken.execute({
        email: 'ayesha@example.com',
        password: 'correct horse',
        address: '10.0.0.1',
      }),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(
      issueToken.execute({
        email: 'ayesha@example.com',
        password: 'correct horse',
        address: '10.0.0.2',
      }),
    ).resolves.toHaveProperty('token');
  });
});
