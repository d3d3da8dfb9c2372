import type { ServiceToken } from '../shared/service-token.js';
/**
 * Remembers revoked token ids until the tokens expire anyway.
 * @category Ports
 */
export interface TokenRevocationStore {
  revoke(tokenId: string, expiresAt: Date): Promise<void>;
  isRevoked(tokenId: string): Promise<boolean>;
}
/** Injection token of {@link TokenRevocationStore}. @category Ports */
export const TokenRevocationStore: ServiceToken<TokenRevocationStore> = Symbol.for(
  'doctorly.TokenRevocationStore',
);
