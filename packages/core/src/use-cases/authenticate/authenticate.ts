import { DomainError } from '../../errors/domain-error.js';
import type { Actor } from '../../models/index.js';
import type { Clock } from '../../ports/clock.js';
import type { TokenClaims, TokenIssuer } from '../../ports/token-issuer.js';
import type { TokenRevocationStore } from '../../ports/token-revocation-store.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';

/** The caller behind a valid token, with the token's claims (what logging out revokes). @category Use cases */
export interface AuthenticatedActor extends Actor {
  readonly claims: TokenClaims;
}

/**
 * Turns a bearer token into the {@link Actor} calling: the token must verify (signature,
 * expiry), not be revoked, and name a user who still exists. The role is the user's current
 * one, not the one in the token. Any failure is `UNAUTHENTICATED`, without saying which.
 * @category Use cases
 */
export class Authenticate {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly tokens: TokenIssuer,
    private readonly revocations: TokenRevocationStore,
  ) {}

  async execute(token: string): Promise<AuthenticatedActor> {
    const claims = await this.tokens.verify(token, this.clock.now());
    if (!claims || (await this.revocations.isRevoked(claims.tokenId))) throw unauthenticated();
    const user = await this.uow.read.users.findById(claims.userId);
    if (!user) throw unauthenticated();
    return { userId: user.id, role: user.role, claims };
  }
}

function unauthenticated(): DomainError {
  return new DomainError('UNAUTHENTICATED', 'A valid bearer token is required.');
}
