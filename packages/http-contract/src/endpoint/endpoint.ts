import { DomainError, type Page } from '@doctorly/core';
import type { z } from 'zod';
import type { Presenter } from '../present/presenter.js';
import type {
  AuthScheme,
  BodyDeclaration,
  EndpointDeclaration,
  SuccessAnswer,
} from './declaration.js';
import type { HandlerInput, RawRequest } from './handler-input.js';
import { parseRequestParts } from './parse-request.js';
import type { UseCaseName, UseCaseSet } from './use-case-set.js';

/**
 * An endpoint with its handler, as declared: the schemas stay exact, so `handle` gets its
 * inputs typed from them. `uses` names the use cases the handler calls (its first argument
 * has those and no others). `present` turns the result into its HTTP form (absolute image
 * URLs) with the host's {@link Presenter}.
 * @category Endpoints
 */
export interface EndpointSpec<
  K extends UseCaseName,
  A extends AuthScheme,
  P extends z.ZodObject | undefined,
  Q extends z.ZodObject | undefined,
  H extends z.ZodObject | undefined,
  B extends BodyDeclaration | undefined,
  R,
> extends EndpointDeclaration<A, P, Q, H, B> {
  readonly uses: readonly K[];
  readonly handle: (
    useCases: Pick<UseCaseSet, K>,
    input: HandlerInput<A, P, Q, H, B>,
  ) => Promise<R>;
  readonly present?: (presenter: Presenter, result: R) => R;
}

/**
 * An endpoint any host can serve: its declaration, the use cases it needs, and `serve`,
 * which parses the raw request with the endpoint's schemas (`VALIDATION_FAILED` naming every
 * invalid field), runs the handler and says what to answer. Errors are thrown: a host answers
 * them with {@link errorAnswer}.
 * @category Endpoints
 */
export interface ApiEndpoint<K extends UseCaseName = UseCaseName> extends EndpointDeclaration {
  readonly uses: readonly K[];
  serve(
    useCases: Pick<UseCaseSet, K>,
    request: RawRequest,
    presenter: Presenter,
  ): Promise<SuccessAnswer>;
}

/** The use cases a list of endpoints needs: what a host serving only those must pass. @category Endpoints */
export type UseCasesOf<E extends readonly ApiEndpoint[]> = Pick<UseCaseSet, UsesOf<E[number]>>;

/** The names in an endpoint's `uses` (distributed over a union of endpoints). */
type UsesOf<E> = E extends { readonly uses: readonly (infer K extends UseCaseName)[] } ? K : never;

/** Declares an endpoint with its handler; the result keeps the declaration and adds `serve`. @category Endpoints */
export function endpoint<
  K extends UseCaseName,
  A extends AuthScheme,
  R,
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  H extends z.ZodObject | undefined = undefined,
  B extends BodyDeclaration | undefined = undefined,
>(spec: EndpointSpec<K, A, P, Q, H, B, R>): ApiEndpoint<K> {
  const { handle, present, ...declaration } = spec;
  return {
    ...declaration,
    async serve(useCases, request, presenter) {
      if (spec.auth === 'bearer' && request.actor === undefined) {
        // A host that forgot to authenticate must not run a bearer handler without a caller.
        throw new DomainError(
          'UNAUTHENTICATED',
          'A bearer token is required: Authorization: Bearer <token>.',
        );
      }
      const parts = parseRequestParts(spec, request);
      // The parts were parsed by exactly the schemas these types come from.
      const input = { ...parts, actor: request.actor, client: request.client } as HandlerInput<
        A,
        P,
        Q,
        H,
        B
      >;
      const result = await handle(useCases, input);
      return successAnswer(spec, present === undefined ? result : present(presenter, result));
    },
  };
}

/** The status, headers and body of a result, as the declaration says: paged, cacheable, empty. */
function successAnswer(declaration: EndpointDeclaration, result: unknown): SuccessAnswer {
  const headers: Record<string, string> = {
    'Cache-Control': declaration.cacheControl ?? 'no-store',
  };
  if (result === undefined)
    return { status: declaration.response.status, headers, body: undefined };
  if (declaration.paged) {
    const page = result as Page<unknown>;
    headers['X-Total-Count'] = String(page.total);
    return { status: declaration.response.status, headers, body: page.items };
  }
  return { status: declaration.response.status, headers, body: result };
}
