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

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    if (secret.length < 32) throw new Error('JwtTokenIssuer needs a secret of at least 32 characters.');
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  issue(subject: { userId: UserId; role: Role }, now: Date): Promise<IssuedToken> {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.ttlSeconds;
    const tokenId = randomUUID();
    const token = jwt.sign({ sub: String(subject.userId), role: subject.role, jti: tokenId, iat, exp }, this.key, {
      algorithm: 'HS256',
    });
    return Promise.resolve({ token, tokenId, expiresAt: new Date(exp * 1000) });
  }

  verify(token: string, now: Date): Promise<TokenClaims | undefined> {
    return Promise.resolve(this.verifySync(token, now));
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
