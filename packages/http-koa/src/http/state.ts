import type { AuthenticatedActor } from '@doctorly/core';
import type { AuthScheme } from '@doctorly/http-contract';
import type { Logger } from 'pino';

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
