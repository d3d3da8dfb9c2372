import { DomainError, type Authenticate, type AuthenticatedActor } from '@doctorly/core';
import type { AuthScheme } from './declaration.js';
import type { BasicCredentials } from './handler-input.js';

/** RFC 6750 §2.1 `b64token`. */
const bearerPattern = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;
const basicPattern = /^Basic +([A-Za-z0-9+/]+=*) *$/i;

/**
 * The token of an `Authorization: Bearer …` header: `undefined` when the header is absent,
 * `null` when it is present but not a well-formed bearer credential.
 * @category Authentication
 */
export function bearerToken(header: string | undefined): string | undefined | null {
  if (header === undefined || header.trim() === '') return undefined;
  return bearerPattern.exec(header)?.[1] ?? null;
}

/**
 * The email and password of an `Authorization: Basic …` header (RFC 7617: UTF-8, split at
 * the first colon): `undefined` when absent, `null` when malformed.
 * @category Authentication
 */
export function basicCredentials(header: string | undefined): BasicCredentials | undefined | null {
  if (header === undefined || header.trim() === '') return undefined;
  const encoded = basicPattern.exec(header)?.[1];
  if (encoded === undefined) return null;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { email: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The bearer token of an `Authorization` header; `UNAUTHENTICATED` when absent or malformed. @category Authentication */
export function requireBearerToken(header: string | undefined): string {
  const token = bearerToken(header);
  if (token === undefined)
    throw new DomainError(
      'UNAUTHENTICATED',
      'A bearer token is required: Authorization: Bearer <token>.',
    );
  if (token === null)
    throw new DomainError(
      'UNAUTHENTICATED',
      'The Authorization header is not a well-formed bearer token.',
    );
  return token;
}

/** The HTTP Basic credentials of an `Authorization` header; `UNAUTHENTICATED` when absent or malformed. @category Authentication */
export function requireBasicCredentials(header: string | undefined): BasicCredentials {
  const credentials = basicCredentials(header);
  if (credentials === undefined)
    throw new DomainError(
      'UNAUTHENTICATED',
      'HTTP Basic credentials (email:password) are required.',
    );
  if (credentials === null)
    throw new DomainError(
      'UNAUTHENTICATED',
      'The Authorization header is not well-formed HTTP Basic.',
    );
  return credentials;
}

/**
 * The caller of a request by the endpoint's scheme, from its `Authorization` header: the
 * authenticated actor (bearer), the credentials to check (basic) or nobody. What a host
 * without its own authentication step calls before {@link ApiEndpoint.serve}.
 * @category Authentication
 */
export async function authenticateRequest(
  scheme: AuthScheme,
  header: string | undefined,
  authenticate: Pick<Authenticate, 'execute'>,
): Promise<AuthenticatedActor | BasicCredentials | undefined> {
  if (scheme === 'bearer') return authenticate.execute(requireBearerToken(header));
  if (scheme === 'basic') return requireBasicCredentials(header);
  return undefined;
}
