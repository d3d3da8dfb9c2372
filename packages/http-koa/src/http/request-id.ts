import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import type { ServerState } from './state.js';

/** A client-chosen id is kept only when it is short printable ASCII, so that logs stay clean. */
const saneRequestId = /^[\x21-\x7e]{1,128}$/;

/**
 * Gives every request an id (the client's `X-Request-Id` when sane, else a UUID), echoes it
 * in the response and gives the handlers a logger that carries it.
 */
export function requestId(logger: Logger): Middleware<ServerState> {
  return async (ctx, next) => {
    const given = ctx.get('X-Request-Id');
    const id = saneRequestId.test(given) ? given : randomUUID();
    ctx.state.requestId = id;
    ctx.state.log = logger.child({ request_id: id });
    ctx.set('X-Request-Id', id);
    await next();
  };
}
