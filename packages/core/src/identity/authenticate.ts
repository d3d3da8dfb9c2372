import { cacheKeys, cacheTags, cacheTtl } from '../cache/cache-keys.js';
import { ReadThrough } from '../cache/read-through.js';
import { DomainError } from '../shared/domain-error.js';
import type { Actor, Role } from './user.js';
import type { UserId } from '../shared/primitives.js';
import type { Cache } from '../cache/cache.js';
import type { Clock } from '../shared/clock.js';
import type { TokenClaims, TokenIssuer } from './token-issuer.js';
import type { TokenRevocationStore } from './token-revocation-store.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';

/** The caller behind a valid token, with the token's claims (what logging out revokes). @category Use cases */
export interface AuthenticatedActor extends Actor {
  readonly claims: TokenClaims;
}

/** What authentication keeps of a user: who, and with which role. */
interface Identity {
  readonly id: UserId;
  readonly role: Role;
}

/**
 * Turns a bearer token into the {@link Actor} calling: the token must verify (signature,
 * expiry), not be revoked, and name a user who still exists. The role is the user's current
 * one, not the one in the token. Any failure is `UNAUTHENTICATED`, without saying which.
 *
 * Every authenticated request runs this, so the user's `{ id, role }` is read through the
 * cache (never the password hash) under the user's tag: a change to the user (`user.changed`)
 * invalidates it, and its TTL bounds what an invalidation lost to a cache outage can leave.
 * The revocation check and the user lookup run side by side: one round trip of latency.
 * @category Use cases
 */
export class Authenticate {
  private readonly reads: ReadThrough;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly tokens: TokenIssuer,
    private readonly revocations: TokenRevocationStore,
    cache: Cache,
  ) {
    this.reads = new ReadThrough(cache);
  }

  async execute(token: string): Promise<AuthenticatedActor> {
    const claims = await this.tokens.verify(token, this.clock.now());
    if (!claims) throw unauthenticated();
    const [revoked, user] = await Promise.all([
      this.revocations.isRevoked(claims.tokenId),
      this.identity(claims.userId),
    ]);
    if (revoked || !user) throw unauthenticated();
    return { userId: user.id, role: user.role, claims };
  }

  private identity(userId: UserId): Promise<Identity | undefined> {
    const options = { ttlSeconds: cacheTtl.user, tags: [cacheTags.user(userId)] };
    return this.reads.get(cacheKeys.userIdentity(userId), options, async () => {
      const user = await this.uow.read.users.findById(userId);
      // A missing user is not cached (`undefined`): a later account with the id is seen at once.
      return user && { id: user.id, role: user.role };
    });
  }
}

function unauthenticated(): DomainError {
  return new DomainError('UNAUTHENTICATED', 'A valid bearer token is required.');
}
