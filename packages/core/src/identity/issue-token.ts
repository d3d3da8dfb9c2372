import type { z } from 'zod';
import { DomainError } from '../shared/domain-error.js';
import type { Clock } from '../shared/clock.js';
import type { PasswordHasher } from './password-hasher.js';
import type { RateLimiter } from './rate-limiter.js';
import type { TokenIssuer } from './token-issuer.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { IssueTokenInput } from './identity-schemas.js';
import { parseInput } from '../shared/parse-input.js';

/** Failed logins allowed per window: per account, and per client address. @category Use cases */
export interface LoginLimits {
  readonly windowSeconds: number;
  readonly perAccount: number;
  readonly perAddress: number;
}

/** The default {@link LoginLimits} (config `RATE_LIMIT_LOGIN_ACCOUNT` / `_ADDRESS`). @category Use cases */
export const loginLimits = {
  windowSeconds: 15 * 60,
  perAccount: 5,
  perAddress: 20,
} as const;

/** A bearer token as `POST /auth/get_token` answers it. @category Views */
export interface TokenView {
  token: string;
  /** ISO 8601 instant. */
  expires_at: string;
}

/**
 * Exchanges an email and password for a bearer token. Failed attempts are counted per
 * account and per address, and the limits are checked before the password is, so guessing
 * stops at the limit (`RATE_LIMITED`). An unknown email and a wrong password both answer
 * `INVALID_CREDENTIALS`, and both cost one password verification, so neither the answer nor
 * its timing tells whether an account exists.
 * @category Use cases
 */
export class IssueToken {
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenIssuer,
    private readonly limiter: RateLimiter,
    private readonly limits: LoginLimits = loginLimits,
  ) {}

  async execute(input: z.input<typeof IssueTokenInput>): Promise<TokenView> {
    const { email, password, address } = parseInput(IssueTokenInput, input);
    const limits: { key: string; limit: number }[] = [
      { key: `login:account:${email}`, limit: this.limits.perAccount },
    ];
    if (address) limits.push({ key: `login:address:${address}`, limit: this.limits.perAddress });
    const { windowSeconds } = this.limits;
    const decisions = await Promise.all(
      limits.map(({ key, limit }) => this.limiter.check(key, limit, windowSeconds)),
    );
    const refused = decisions.find((decision) => !decision.allowed);
    if (refused) {
      throw new DomainError(
        'RATE_LIMITED',
        `Too many failed logins: try again in ${refused.retryAfterSeconds} s.`,
      );
    }

    const user = await this.uow.read.users.findByEmail(email);
    const valid = await this.hasher.verify(password, user?.passwordHash ?? (await this.dummy()));
    if (!user || !valid) {
      await Promise.all(
        limits.map(({ key, limit }) => this.limiter.hit(key, limit, windowSeconds)),
      );
      throw new DomainError('INVALID_CREDENTIALS', 'The email or the password is wrong.');
    }
    await this.limiter.reset(`login:account:${email}`);
    const issued = await this.tokens.issue({ userId: user.id, role: user.role }, this.clock.now());
    return { token: issued.token, expires_at: issued.expiresAt.toISOString() };
  }

  /** A real hash of the configured hasher, verified against when the email is unknown. */
  private dummy(): Promise<string> {
    this.dummyHash ??= this.hasher.hash('not-a-password-of-anyone');
    return this.dummyHash;
  }
}
