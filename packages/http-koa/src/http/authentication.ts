import type { AuthenticatedActor } from '@doctorly/core';
import { bearerToken, requireBearerToken, type AuthScheme } from '@doctorly/http-contract';
import type { Middleware } from 'koa';
import type { ServerState } from './state.js';

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
    const header = ctx.get('Authorization') || undefined;
    const token = bearerToken(header);
    // Remembered even when malformed: the challenge then says `invalid_token`.
    if (token !== undefined) ctx.state.token = token ?? ctx.get('Authorization');
    // A missing or malformed token: the contract's UNAUTHENTICATED, with its message.
    ctx.state.actor = await authenticate(token ?? requireBearerToken(header));
    await next();
  };
}
