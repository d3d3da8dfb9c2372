import {
  apiEndpoints,
  bookAppointment,
  operationEndpoints,
  requireBasicCredentials,
  type ApiEndpoint,
  type EndpointDeclaration,
  type OperationId,
  type Presenter,
  type RawRequest,
  type UseCaseSet,
} from '@doctorly/http-contract';
import type Router from '@koa/router';
import type { RouterContext } from '@koa/router';
import type { Middleware } from 'koa';
import { authScheme, requireBearer, type Authenticator } from '../http/authentication.js';
import { jsonBody, multipartBody, type UploadedFile } from '../http/body.js';
import { answerJson } from '../http/json-answer.js';
import type { ServerMetrics } from '../http/metrics.js';
import type { ServerState } from '../http/state.js';
import { countBookingOutcome } from './booking-outcomes.js';
import { koaPath } from './koa-path.js';
import type { OperationHandler } from './operations.js';
import { uploadedImage } from './uploaded-image.js';

/** What mounting needs besides the contract's endpoints. */
export interface MountOptions {
  readonly useCases: UseCaseSet;
  readonly presenter: Presenter;
  readonly authenticate: Authenticator;
  readonly metrics: ServerMetrics;
  readonly operations: Readonly<Record<OperationId, OperationHandler>>;
  readonly bodyLimitBytes: number;
  readonly uploadLimitBytes: number;
}

/** The Koa context of an API endpoint: routed, with the uploads of a multipart body. */
type EndpointContext = RouterContext<ServerState & { uploads?: UploadedFile[] }>;

/**
 * Registers every endpoint of the contract on `router`: the auth scheme, then authentication
 * (before any body is read, so anonymous uploads cost nothing), then body reading, then the
 * contract's `serve` (which parses and handles) or the operations endpoint's own handler.
 */
export function mountEndpoints(router: Router<ServerState>, options: MountOptions): void {
  const json = jsonBody(options.bodyLimitBytes);
  const multipart = multipartBody(options.uploadLimitBytes) as Middleware<ServerState>;
  const bearer = requireBearer(options.authenticate);
  for (const endpoint of apiEndpoints) {
    const chain: Middleware<ServerState>[] = [
      endpoint.auth === 'bearer' ? bearer : authScheme(endpoint.auth),
    ];
    if (endpoint.body?.kind === 'json') chain.push(json);
    if (endpoint.body?.kind === 'image') chain.push(multipart);
    chain.push(serving(endpoint, options) as unknown as Middleware<ServerState>);
    register(router, endpoint, chain);
  }
  for (const operation of operationEndpoints) {
    const handle = options.operations[operation.operationId];
    const cacheControl = operation.cacheControl ?? 'no-store';
    register(router, operation, [
      authScheme(operation.auth),
      async (ctx) => {
        await handle(ctx);
        ctx.set('Cache-Control', cacheControl);
      },
    ]);
  }
}

/** The Koa handler of an API endpoint: the request's raw parts to the contract, its answer to the client. */
function serving(
  endpoint: ApiEndpoint,
  { useCases, presenter, metrics }: MountOptions,
): (ctx: EndpointContext) => Promise<void> {
  const counted = endpoint.operationId === bookAppointment.operationId;
  return async (ctx) => {
    const header = ctx.get('Authorization') || undefined;
    const request: RawRequest = {
      actor:
        endpoint.auth === 'bearer'
          ? ctx.state.actor
          : endpoint.auth === 'basic'
            ? requireBasicCredentials(header)
            : undefined,
      params: ctx.params,
      query: ctx.query,
      headers: ctx.headers,
      body:
        endpoint.body?.kind === 'image'
          ? await uploadedImage(ctx.state.uploads ?? [], endpoint.body.field)
          : ctx.request.body,
      client: { address: ctx.ip },
    };
    const serve = () => endpoint.serve(useCases, request, presenter);
    const answer = counted ? await countBookingOutcome(metrics, serve) : await serve();
    ctx.status = answer.status;
    ctx.set(answer.headers);
    if (answer.body !== undefined) answerJson(ctx, answer.body);
  };
}

function register(
  router: Router<ServerState>,
  endpoint: EndpointDeclaration,
  chain: Middleware<ServerState>[],
): void {
  const path = koaPath(endpoint.path);
  switch (endpoint.method) {
    case 'get':
      router.get(path, ...chain);
      break;
    case 'post':
      router.post(path, ...chain);
      break;
    case 'put':
      router.put(path, ...chain);
      break;
    case 'delete':
      router.delete(path, ...chain);
      break;
  }
}
