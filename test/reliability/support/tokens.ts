import jwt from 'jsonwebtoken';
import { jwtSecret } from './server-process.js';

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

/**
 * Tokens an attacker could present, built from a real token of a user: each must answer 401.
 * `otherUserId` is whom the edited payloads try to become.
 */
export function hostileTokens(real: string, otherUserId: number): Record<string, string> {
  const claims = claimsOf(real);
  const [header, , signature] = real.split('.');
  const now = Math.floor(Date.now() / 1000);
  return {
    'expired (right key, exp in the past)': jwt.sign(
      { ...claims, iat: now - 7200, exp: now - 3600 },
      jwtSecret,
      { algorithm: 'HS256' },
    ),
    'alg none, no signature': `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`,
    'alg none, original signature': `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.${signature}`,
    'signed with another key': jwt.sign(claims, 'another-key-another-key-another-key-1234', {
      algorithm: 'HS256',
    }),
    'HS512 with the right key': jwt.sign(claims, jwtSecret, { algorithm: 'HS512' }),
    'payload edited to another user, original signature': `${header}.${base64url({ ...claims, sub: String(otherUserId) })}.${signature}`,
    'payload edited to role admin, original signature': `${header}.${base64url({ ...claims, role: 'admin' })}.${signature}`,
    'payload edited to a later exp, original signature': `${header}.${base64url({ ...claims, exp: now + 86_400 * 365 })}.${signature}`,
    'signature dropped': `${header}.${base64url(claims)}.`,
    'signature of another token': `${header}.${base64url(claims)}.${(signature ?? '').split('').reverse().join('')}`,
    'right key, unknown user': jwt.sign({ ...claims, sub: '2147483000' }, jwtSecret, {
      algorithm: 'HS256',
    }),
    garbage: 'not-a-jwt',
    'empty segments': '..',
  };
}
