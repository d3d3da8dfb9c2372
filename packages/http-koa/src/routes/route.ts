import type { AuthenticatedActor } from '@doctorly/core';
import type { RouterContext } from '@koa/router';
import type { z } from 'zod';
import type { ErrorCode } from '../errors/error-table.js';
import type { UploadedFile } from '../http/body.js';
import type { AuthScheme, ServerState } from '../http/state.js';

/** The Koa context of a route handler. */
export type RouteContext = RouterContext<ServerState & { uploads?: UploadedFile[] }>;

/** What a handler gets: the parsed HTTP parts, raw (the use case validates them). */
export interface RouteInput<A extends AuthScheme> {
  readonly ctx: RouteContext;
  /** The caller; present exactly on bearer routes. */
  readonly actor: A extends 'bearer' ? AuthenticatedActor : undefined;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: unknown;
  readonly uploads: readonly UploadedFile[];
}

/** How a route takes a body: JSON validated by a schema, or one multipart image. */
export type RouteBody =
  | { readonly kind: 'json'; readonly schema: z.ZodType; readonly optional?: boolean }
  | { readonly kind: 'image' };

/**
 * One endpoint: how it is routed, authenticated, parsed and documented, and its handler. The
 * router and the OpenAPI document are both built from the same list, so neither can drift.
 * @category Adapters
 */
export interface RouteDefinition<A extends AuthScheme = AuthScheme> {
  readonly method: 'get' | 'post' | 'put';
  /** OpenAPI form (`/doctors/get/{id}`). */
  readonly path: string;
  readonly operationId: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  readonly auth: A;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  /** Request headers worth documenting (`Idempotency-Key`). */
  readonly headers?: z.ZodObject;
  readonly body?: RouteBody;
  readonly response: {
    readonly status: 200 | 201 | 204;
    readonly description: string;
    /** The JSON body; omitted for non-JSON answers. */
    readonly schema?: z.ZodType;
    /** A non-JSON content type (`text/plain`, `image/*`). */
    readonly contentType?: string;
  };
  /** The handler returns a `Page`: the items are the body, the total goes in `X-Total-Count`. */
  readonly paged?: boolean;
  /** May shared caches keep the answer? Default: no (`Cache-Control: no-store`). */
  readonly cacheControl?: string;
  /** Domain errors this endpoint can answer, besides those implied by auth and body. */
  readonly errors: readonly ErrorCode[];
  /** The answer's JSON body, or `undefined` when the handler wrote `ctx.body` itself. */
  handle(input: RouteInput<A>): Promise<unknown>;
}

/** Declares a route with its handler typed by its auth scheme. */
export function route<A extends AuthScheme>(definition: RouteDefinition<A>): RouteDefinition {
  return definition;
}

/** `/doctors/get/{id}` → `/doctors/get/:id`. */
export function koaPath(openApiPath: string): string {
  return openApiPath.replace(/\{(\w+)\}/g, ':$1');
}

/**
 * Hands raw request data to a use case, which parses it with its own schema (and answers
 * `VALIDATION_FAILED` naming the fields): the cast only satisfies the input's static type.
 */
export function untrusted(value: unknown): never {
  return value as never;
}
