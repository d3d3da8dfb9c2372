import { DomainError, type AuthenticatedActor } from '@doctorly/core';
import type { Middleware } from 'koa';
import { bearerToken } from './credentials.js';
import type { AuthScheme, ServerState } from './state.js';

/** Turns a bearer token into its caller: the runtime's `Authenticate` use case. */
export type Authenticator = (token: string) => Promise<AuthenticatedActor>;

/** Records the route's scheme first, so that any 401 below names the right challenge. */
export function authScheme(scheme: AuthScheme): Middleware<ServerState> {
  return async (ctx, next) => {
    ctx.state.authScheme = scheme;
    await next();
  };
}

/**
 * Requires `Authorization: Bearer <token>` naming a valid, unrevoked token of an existing
 * user; anything else is `UNAUTHENTICATED` (401 with a `WWW-Authenticate` challenge). Records
 * the `bearer` scheme itself (one middleware less on every authenticated request).
 */
export function requireBearer(authenticate: Authenticator): Middleware<ServerState> {
  return async (ctx, next) => {
    ctx.state.authScheme = 'bearer';
    const token = bearerToken(ctx.get('Authorization') || undefined);
    if (token === undefined) throw new DomainError('UNAUTHENTICATED', 'A bearer token is required: Authorization: Bearer <token>.');
    // Remembered even when malformed: the challenge then says `invalid_token`.
    ctx.state.token = token ?? ctx.get('Authorization');
    if (token === null) throw new DomainError('UNAUTHENTICATED', 'The Authorization header is not a well-formed bearer token.');
    ctx.state.actor = await authenticate(token);
    await next();
  };
}
