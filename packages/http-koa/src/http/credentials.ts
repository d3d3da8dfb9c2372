/** RFC 6750 §2.1 `b64token`. */
const bearerPattern = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;
const basicPattern = /^Basic +([A-Za-z0-9+/]+=*) *$/i;

/**
 * The token of an `Authorization: Bearer …` header: `undefined` when the header is absent,
 * `null` when it is present but not a well-formed bearer credential.
 */
export function bearerToken(header: string | undefined): string | undefined | null {
  if (header === undefined || header.trim() === '') return undefined;
  return bearerPattern.exec(header)?.[1] ?? null;
}

/**
 * The email and password of an `Authorization: Basic …` header (RFC 7617: UTF-8, split at
 * the first colon): `undefined` when absent, `null` when malformed.
 */
export function basicCredentials(header: string | undefined): { email: string; password: string } | undefined | null {
  if (header === undefined || header.trim() === '') return undefined;
  const encoded = basicPattern.exec(header)?.[1];
  if (encoded === undefined) return null;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { email: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
