import type Router from '@koa/router';
import type { Middleware } from 'koa';
import { jsonBody, multipartBody } from '../http/body.js';
import { answerJson } from '../http/json-answer.js';
import { authScheme, requireBearer, type Authenticator } from '../http/authentication.js';
import type { ServerState } from '../http/state.js';
import { koaPath, type RouteContext, type RouteDefinition, type RouteInput } from './route.js';

/** What mounting needs besides the routes. */
export interface MountOptions {
  readonly authenticate: Authenticator;
  readonly bodyLimitBytes: number;
  readonly uploadLimitBytes: number;
}

/**
 * Registers every route on `router`: the auth scheme, then authentication (before any body
 * is read, so anonymous uploads cost nothing), then body parsing, then the handler.
 */
export function mountRoutes(router: Router<ServerState>, routes: readonly RouteDefinition[], options: MountOptions): void {
  const json = jsonBody(options.bodyLimitBytes);
  const multipart = multipartBody(options.uploadLimitBytes);
  const bearer = requireBearer(options.authenticate);
  for (const definition of routes) {
    const chain: Middleware<ServerState>[] = [definition.auth === 'bearer' ? bearer : authScheme(definition.auth)];
    if (definition.body?.kind === 'json') chain.push(json);
    if (definition.body?.kind === 'image') chain.push(multipart as Middleware<ServerState>);
    chain.push(handlerOf(definition) as unknown as Middleware<ServerState>);
    const path = koaPath(definition.path);
    switch (definition.method) {
      case 'get':
        router.get(path, ...chain);
        break;
      case 'post':
        router.post(path, ...chain);
        break;
      case 'put':
        router.put(path, ...chain);
        break;
    }
  }
}

function handlerOf(definition: RouteDefinition): (ctx: RouteContext) => Promise<void> {
  return async (ctx) => {
    const input: RouteInput<'bearer'> = {
      ctx,
      actor: ctx.state.actor as RouteInput<'bearer'>['actor'],
      params: ctx.params,
      query: ctx.query,
      body: ctx.request.body,
      uploads: ctx.state.uploads ?? [],
    };
    const result = await definition.handle(input);
    ctx.set('Cache-Control', definition.cacheControl ?? 'no-store');
    if (result === undefined) {
      if (definition.response.status === 204) ctx.status = 204;
      return;
    }
    ctx.status = definition.response.status;
    if (definition.paged) {
      const page = result as { items: readonly unknown[]; total: number };
      ctx.set('X-Total-Count', String(page.total));
      answerJson(ctx, page.items);
    } else {
      answerJson(ctx, result);
    }
  };
}
