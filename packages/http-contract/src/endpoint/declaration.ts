import type { DomainErrorCode } from '@doctorly/core';
import type { z } from 'zod';

/** How an endpoint authenticates its caller: a bearer token, HTTP Basic (login) or not at all. @category Endpoints */
export type AuthScheme = 'bearer' | 'basic' | 'none';

/** The HTTP methods the API uses. @category Endpoints */
export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

/**
 * How an endpoint takes a body: JSON parsed by a schema (a request without a body reads as
 * `{}`, so the missing fields are named), or one image in a multipart field, which the host
 * reads and checks (it has the upload limits and the image decoder).
 * @category Endpoints
 */
export type BodyDeclaration =
  | { readonly kind: 'json'; readonly schema: z.ZodType; readonly optional?: boolean }
  | { readonly kind: 'image'; readonly field: string };

/** What an endpoint answers on success. @category Endpoints */
export interface ResponseDeclaration {
  readonly status: 200 | 201 | 204;
  readonly description: string;
  /** The JSON body (of one item, for a paged endpoint); omitted for non-JSON answers. */
  readonly schema?: z.ZodType;
  /** A non-JSON content type (`text/plain`, `image/*`). */
  readonly contentType?: string;
}

/**
 * One endpoint as any host serves it and the OpenAPI document describes it: routing,
 * authentication, the schemas of its inputs, its answer and the domain errors it declares.
 * The type parameters keep the exact schemas, so handlers get inputs typed from them.
 * @category Endpoints
 */
export interface EndpointDeclaration<
  A extends AuthScheme = AuthScheme,
  P extends z.ZodObject | undefined = z.ZodObject | undefined,
  Q extends z.ZodObject | undefined = z.ZodObject | undefined,
  H extends z.ZodObject | undefined = z.ZodObject | undefined,
  B extends BodyDeclaration | undefined = BodyDeclaration | undefined,
> {
  readonly method: HttpMethod;
  /** OpenAPI form (`/doctors/get/{id}`). */
  readonly path: string;
  readonly operationId: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  readonly auth: A;
  /** Path parameters, by the names in {@link path}. */
  readonly params?: P;
  readonly query?: Q;
  /** Request headers the endpoint reads (`Idempotency-Key`), by lower-case name. */
  readonly headers?: H;
  readonly body?: B;
  readonly response: ResponseDeclaration;
  /**
   * The result is a `Page`: the host answers its items as the body and its total in the
   * `X-Total-Count` header ({@link SuccessAnswer} says so for every host).
   */
  readonly paged?: boolean;
  /** May shared caches keep the answer? Default: no (`Cache-Control: no-store`). */
  readonly cacheControl?: string;
  /** Domain errors this endpoint can answer, besides those implied by its auth and inputs. */
  readonly errors: readonly DomainErrorCode[];
}

/** What a host answers on success: status, headers to set and the JSON body (`undefined`: none). @category Endpoints */
export interface SuccessAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}
