import type { ServerResponse } from 'node:http';
import { isDomainError, parseInput } from '@doctorly/core';
import { liveEndpoints, type LiveOperationId } from '@doctorly/http-contract';
import type Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { authScheme, requireBearer, type Authenticator } from '../http/authentication.js';
import type { ServerState } from '../http/state.js';
import { koaPath } from '../endpoints/koa-path.js';
import { boardPageCsp, boardPageHtml } from './board-page.js';
import type { LiveHub } from './live-hub.js';
import type { LiveSources } from './live-sources.js';

/** What the live routes need from the server. */
export interface LiveRouteOptions {
  readonly hub: LiveHub;
  readonly sources: LiveSources;
  readonly authenticate: Authenticator;
  /** How often an appointment stream's token is checked again (expired or revoked: cut). */
  readonly recheckTokenMs: number;
}

type LiveContext = Context & { state: ServerState; params: Record<string, string> };

/** The `{id}` path parameter, parsed by the declaration's schema (`VALIDATION_FAILED` → 400). */
function idOf(operationId: LiveOperationId, ctx: LiveContext): number {
  const schema = declarationOf(operationId).params;
  if (schema === undefined) throw new Error(`live endpoint ${operationId} declares no id`);
  // Every live endpoint's params schema is core's `{ id }` (SittingIdInput, AppointmentIdInput).
  return (parseInput(schema, ctx.params) as { id: number }).id;
}

function declarationOf(operationId: LiveOperationId) {
  const declaration = liveEndpoints.find((e) => e.operationId === operationId);
  if (!declaration) throw new Error(`no live endpoint ${operationId}`);
  return declaration;
}

/**
 * Mounts the contract's live endpoints on `router`: the board and appointment streams (Koa
 * steps aside once the stream starts: the hub owns the answer) and the waiting-room page.
 * Errors before the stream starts are thrown, so they get the API's problem JSON.
 */
export function mountLive(router: Router<ServerState>, options: LiveRouteOptions): void {
  const handlers: Record<LiveOperationId, Middleware<ServerState>[]> = {
    watchSittingBoard: [
      authScheme('none'),
      async (ctx) => {
        const id = idOf('watchSittingBoard', ctx as LiveContext);
        await options.hub.watchBoard(id, ctx.res);
        ctx.respond = false;
      },
    ],
    watchAppointment: [
      requireBearer(options.authenticate),
      async (ctx) => {
        const id = idOf('watchAppointment', ctx as LiveContext);
        const actor = ctx.state.actor;
        if (actor === undefined) throw new Error('bearer route without an actor');
        await options.hub.watchAppointment(actor, id, ctx.res);
        ctx.respond = false;
        const token = ctx.state.token;
        if (typeof token === 'string') cutWhenTokenLapses(ctx.res, token, options);
      },
    ],
    sittingBoardPage: [
      authScheme('none'),
      async (ctx) => {
        const id = idOf('sittingBoardPage', ctx as LiveContext);
        // The page itself says "not found"; the status says it to everything else.
        ctx.status = (await sittingExists(options.sources, id)) ? 200 : 404;
        ctx.set('Content-Security-Policy', boardPageCsp);
        ctx.set('Cache-Control', 'no-cache');
        ctx.set('Referrer-Policy', 'no-referrer');
        ctx.type = 'text/html; charset=utf-8';
        ctx.body = boardPageHtml;
      },
    ],
  };
  for (const endpoint of liveEndpoints)
    router.get(koaPath(endpoint.path), ...handlers[endpoint.operationId]);
}

async function sittingExists(sources: LiveSources, id: number): Promise<boolean> {
  try {
    await sources.readBoard(id);
    return true;
  } catch (error) {
    if (isDomainError(error, 'SITTING_NOT_FOUND')) return false;
    throw error;
  }
}

/**
 * The token was checked when the stream opened; a stream may outlive it. So it is checked
 * again every `recheckTokenMs` (through the same authenticator: expiry and revocation,
 * e.g. a logout, or the user deleted), and the stream is cut once it no longer holds. The client's reconnect then
 * carries the old token and gets the 401 a request would.
 */
function cutWhenTokenLapses(res: ServerResponse, token: string, options: LiveRouteOptions): void {
  if (res.destroyed) return;
  const timer = setInterval(() => {
    options.authenticate(token).catch((error: unknown) => {
      // Only a token that no longer holds ends the stream; a store briefly unreachable does not.
      if (!isDomainError(error, 'UNAUTHENTICATED')) return;
      clearInterval(timer);
      res.destroy();
    });
  }, options.recheckTokenMs);
  timer.unref();
  res.once('close', () => clearInterval(timer));
}
