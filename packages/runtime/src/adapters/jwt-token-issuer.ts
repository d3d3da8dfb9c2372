import { createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
import type { IssuedToken, Role, TokenClaims, TokenIssuer, UserId } from '@doctorly/core';
// jsonwebtoken is CommonJS: a default import works under Node ESM, named imports do not (STACK.md, trap 3).
import jwt from 'jsonwebtoken';
import { z } from 'zod';

/** The claims Doctorly signs; anything else in a verified token is ignored. */
const Claims = z.object({
  sub: z.string().regex(/^[1-9]\d{0,9}$/),
  role: z.enum(['admin', 'user']),
  jti: z.string().min(1).max(100),
  exp: z.number().int(),
});

/**
 * Signs bearer tokens as JWT with HS256: `sub` the user id, `role`, a random `jti` (the
 * handle of revocation) and `exp` at issue time + the configured lifetime. Verification
 * accepts HS256 only, so `alg: none` and every other algorithm are refused.
 * @category Adapters
 */
export class JwtTokenIssuer implements TokenIssuer {
  /**
   * The secret as a KeyObject, made once: given a string, jsonwebtoken first tries (and
   * fails) to parse it as a PEM public key on every call, which cost ~13 % of the server's
   * CPU on a cached read (bench/, issue 9).
   */
  private readonly key: KeyObject;
  /**
   * Tokens whose signature verified, with their claims: a client sends the same token on
   * every request, and checking an HMAC and parsing the JWT again each time was ~8 % of a
   * cached read's CPU. A signature that verified once always will, so only the expiry is
   * checked again; revocation is not this class's business (the use case asks the store).
   * Bounded, oldest first out; failures are never kept, so garbage tokens cannot fill it.
   */
  private readonly verified = new Map<string, TokenClaims>();

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
    private readonly maxVerified = 5_000,
  ) {
    if (secret.length < 32)
      throw new Error('JwtTokenIssuer needs a secret of at least 32 characters.');
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  issue(subject: { userId: UserId; role: Role }, now: Date): Promise<IssuedToken> {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.ttlSeconds;
    const tokenId = randomUUID();
    const token = jwt.sign(
      { sub: String(subject.userId), role: subject.role, jti: tokenId, iat, exp },
      this.key,
      {
        algorithm: 'HS256',
      },
    );
    return Promise.resolve({ token, tokenId, expiresAt: new Date(exp * 1000) });
  }

  verify(token: string, now: Date): Promise<TokenClaims | undefined> {
    const known = this.verified.get(token);
    if (known) {
      // jsonwebtoken's rule: expired from the second `exp` on.
      if (Math.floor(now.getTime() / 1000) < known.expiresAt.getTime() / 1000)
        return Promise.resolve(known);
      this.verified.delete(token);
      return Promise.resolve(undefined);
    }
    const claims = this.verifySync(token, now);
    if (claims) this.remember(token, claims);
    return Promise.resolve(claims);
  }

  private remember(token: string, claims: TokenClaims): void {
    if (this.verified.size >= this.maxVerified) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, claims);
  }

  private verifySync(token: string, now: Date): TokenClaims | undefined {
    if (typeof token !== 'string' || token.length > 4096) return undefined;
    let payload: unknown;
    try {
      payload = jwt.verify(token, this.key, {
        algorithms: ['HS256'],
        clockTimestamp: Math.floor(now.getTime() / 1000),
      });
    } catch {
      return undefined;
    }
    const claims = Claims.safeParse(payload);
    if (!claims.success) return undefined;
    const { sub, role, jti, exp } = claims.data;
    return { userId: Number(sub), role, tokenId: jti, expiresAt: new Date(exp * 1000) };
  }
}
