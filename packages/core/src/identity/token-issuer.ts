import type { ServiceToken } from '../shared/service-token.js';
import type { Role } from './user.js';
import type { UserId } from '../shared/primitives.js';

/** What a verified token says about its bearer. @category Ports */
export interface TokenClaims {
  readonly userId: UserId;
  readonly role: Role;
  /** Unique id of the token (JWT `jti`), the handle for revocation. */
  readonly tokenId: string;
  readonly expiresAt: Date;
}

/** A freshly signed token. @category Ports */
export interface IssuedToken {
  readonly token: string;
  readonly tokenId: string;
  readonly expiresAt: Date;
}

/**
 * Signs and verifies bearer tokens with an expiry and a unique id.
 * @category Ports
 */
export interface TokenIssuer {
  issue(subject: { userId: UserId; role: Role }, now: Date): Promise<IssuedToken>;
  /**
   * The claims of a valid token; `undefined` for a malformed, wrongly signed, tampered or
   * expired (at `now`) one.
   */
  verify(token: string, now: Date): Promise<TokenClaims | undefined>;
}
/** Injection token of {@link TokenIssuer}. @category Ports */
export const TokenIssuer: ServiceToken<TokenIssuer> = Symbol.for('doctorly.TokenIssuer');
