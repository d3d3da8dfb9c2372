import type { AuthenticatedActor, StoredImage } from '@doctorly/core';
import type { z } from 'zod';
import type { AuthScheme, BodyDeclaration } from './declaration.js';

/** The email and password of an HTTP Basic login. @category Endpoints */
export interface BasicCredentials {
  readonly email: string;
  readonly password: string;
}

/** What the host knows of the client besides the request: its address (for login limits). @category Endpoints */
export interface ClientInfo {
  readonly address: string;
}

/** The caller a handler gets, by the endpoint's auth scheme. @category Endpoints */
export type ActorOf<A extends AuthScheme> = A extends 'bearer'
  ? AuthenticatedActor
  : A extends 'basic'
    ? BasicCredentials
    : undefined;

/** The parsed value of an optional schema: its output, or `undefined` when the endpoint has none. @category Endpoints */
export type OutputOf<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The parsed body of a body declaration: the JSON schema's output, or the checked image. @category Endpoints */
export type BodyOf<B> = B extends {
  readonly kind: 'json';
  readonly schema: infer S extends z.ZodType;
}
  ? z.output<S>
  : B extends { readonly kind: 'image' }
    ? StoredImage
    : undefined;

/**
 * What a handler gets: the caller and every input already parsed by the endpoint's schemas,
 * typed from them (`z.output`), so a handler passes them to its use case as they are.
 * @category Endpoints
 */
export interface HandlerInput<
  A extends AuthScheme,
  P extends z.ZodObject | undefined,
  Q extends z.ZodObject | undefined,
  H extends z.ZodObject | undefined,
  B extends BodyDeclaration | undefined,
> {
  readonly actor: ActorOf<A>;
  readonly params: OutputOf<P>;
  readonly query: OutputOf<Q>;
  readonly headers: OutputOf<H>;
  readonly body: BodyOf<B>;
  readonly client: ClientInfo;
}

/**
 * A request as a host hands it over, not parsed yet: the caller it authenticated by the
 * endpoint's scheme, the raw path parameters, query and headers (lower-case names), the
 * JSON body (`{}` when there was none) or, for an image endpoint, the checked image.
 * @category Endpoints
 */
export interface RawRequest {
  readonly actor: AuthenticatedActor | BasicCredentials | undefined;
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly query: Readonly<Record<string, string | string[] | undefined>>;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: unknown;
  readonly client: ClientInfo;
}
