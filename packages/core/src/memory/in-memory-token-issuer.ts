import type { Role } from '../identity/user.js';
import type { UserId } from '../shared/primitives.js';
import type { IssuedToken, TokenClaims, TokenIssuer } from '../identity/token-issuer.js';

/**
 * {@link TokenIssuer} in memory: tokens are opaque handles into a map (so any change to one
 * makes it unknown), ids come from a counter, and each token lives `ttlSeconds`.
 * @category Testing
 */
export class InMemoryTokenIssuer implements TokenIssuer {
  private readonly tokens = new Map<string, TokenClaims>();
  private issued = 0;

  constructor(private readonly ttlSeconds = 3600) {}

  issue(subject: { userId: UserId; role: Role }, now: Date): Promise<IssuedToken> {
    this.issued += 1;
    const tokenId = `token-${this.issued}`;
    const token = `mem.${this.issued.toString(36)}.${(this.issued * 7919).toString(36)}`;
    const expiresAt = new Date(now.getTime() + this.ttlSeconds * 1000);
    this.tokens.set(token, { userId: subject.userId, role: subject.role, tokenId, expiresAt });
    return Promise.resolve({ token, tokenId, expiresAt: new Date(expiresAt.getTime()) });
  }

  verify(token: string, now: Date): Promise<TokenClaims | undefined> {
    const claims = this.tokens.get(token);
    if (!claims || claims.expiresAt.getTime() <= now.getTime()) return Promise.resolve(undefined);
    return Promise.resolve({ ...claims, expiresAt: new Date(claims.expiresAt.getTime()) });
  }
}
