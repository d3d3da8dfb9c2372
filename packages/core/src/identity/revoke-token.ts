import type { TokenClaims } from './token-issuer.js';
import type { TokenRevocationStore } from './token-revocation-store.js';

/**
 * Logs a token out: its id is remembered as revoked until the token would expire anyway.
 * @category Use cases
 */
export class RevokeToken {
  constructor(private readonly revocations: TokenRevocationStore) {}

  async execute(claims: Pick<TokenClaims, 'tokenId' | 'expiresAt'>): Promise<void> {
    await this.revocations.revoke(claims.tokenId, claims.expiresAt);
  }
}
