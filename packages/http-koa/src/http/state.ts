import type { AuthenticatedActor } from '@doctorly/core';
import type { Logger } from 'pino';

/** How a route authenticates its caller: a bearer token, HTTP Basic (login) or not at all. */
export type AuthScheme = 'bearer' | 'basic' | 'none';

/**
 * What the server's middleware keeps on `ctx.state` for the handlers after it.
 * @category Adapters
 */
export interface ServerState {
  /** The request id: the client's `X-Request-Id` when it is sane, else a fresh UUID. */
  requestId: string;
  /** A child logger carrying the request id. */
  log: Logger;
  /** The scheme of the matched route, so that a 401 names the right challenge. */
  authScheme?: AuthScheme;
  /** The authenticated caller of a bearer route. */
  actor?: AuthenticatedActor;
  /** The bearer token as presented (for logout). */
  token?: string;
}
