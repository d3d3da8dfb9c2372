import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Presenter,
  allEndpoints,
  buildOpenApiDocument,
  type EndpointDeclaration,
} from '@doctorly/http-contract';
import type { Runtime } from '@doctorly/runtime';
import Router from '@koa/router';
import Koa from 'koa';
import { docsRouter } from './docs/docs-page.js';
import { errorHandler } from './errors/error-handler.js';
import { registerCacheMetrics } from './http/cache-metrics.js';
import { createMetrics, type ServerMetrics } from './http/metrics.js';
import { requestFrame } from './http/request-frame.js';
import type { ServerState } from './http/state.js';
import { mountEndpoints } from './endpoints/mount.js';
import { operationHandlers } from './endpoints/operations.js';
import { answerClientErrors } from './http/client-error.js';
import { LiveHub } from './live/live-hub.js';
import { registerLiveMetrics } from './live/live-metrics.js';
import { defaultLiveOptions, type LiveOptions } from './live/live-options.js';
import { mountLive } from './live/live-routes.js';
import { runtimeLiveSources } from './live/runtime-sources.js';

/** Options of {@link createServer}. @category Adapters */
export interface ServerOptions {
  /** Trust `X-Forwarded-*` (behind a reverse proxy): `ctx.ip`, used for login limits, is then the client's. */
  readonly trustProxy?: boolean;
  /** How long {@link DoctorlyServer.close} waits for requests in flight before cutting connections. */
  readonly shutdownTimeoutMs?: number;
  /** The live streams' heartbeat, re-read interval, buffer limit and retry hint (tests shorten them). */
  readonly live?: Partial<LiveOptions>;
}

/** A running (or ready to run) Doctorly HTTP server. @category Adapters */
export interface DoctorlyServer {
  readonly app: Koa<ServerState>;
  /** The API router: every documented endpoint. */
  readonly router: Router<ServerState>;
  /** The contract's endpoints the router and the OpenAPI document are built from. */
  readonly endpoints: readonly EndpointDeclaration[];
  readonly metrics: ServerMetrics;
  /** The live streams of this server (Server-Sent Events): open streams, watched sittings. */
  readonly live: LiveHub;
  /** The OpenAPI 3.1 document served at `/openapi.json`. */
  openApiDocument(): Record<string, unknown>;
  /** Starts listening; resolves with the bound address (port 0 → a free port). */
  listen(port: number, host?: string): Promise<{ port: number; host: string; server: Server }>;
  /**
   * Ends every live stream, stops accepting connections and waits for requests in flight
   * (up to the shutdown timeout). Does not close the runtime: its owner does, after this.
   */
  close(): Promise<void>;
}

/**
 * The bundled REST server over a composed runtime: the seed's endpoints and more, bearer
 * authentication, one error shape, request ids, JSON logs, metrics, `/openapi.json` and the
 * `/docs` page. Thin: the endpoints, their parsing and handlers, the error table and the
 * document are `@doctorly/http-contract`'s; this adds Koa, bodies and uploads, auth headers,
 * request ids, logs and metrics.
 * @category Adapters
 */
export function createServer(runtime: Runtime, options: ServerOptions = {}): DoctorlyServer {
  const logger = runtime.logger.child({ component: 'http' });
  const metrics = createMetrics();
  registerCacheMetrics(metrics, runtime.ports.cache);
  let openApiText: string | undefined;
  const openApiDocument = () =>
    buildOpenApiDocument(allEndpoints, {
      title: 'Doctorly API',
      version: '0.1.0',
      description:
        "Book a doctor's appointment without queuing at the clinic. Get a token from POST /auth/get_token (HTTP Basic), then send it as `Authorization: Bearer <token>`.",
      serverUrl: runtime.config.publicUrl,
    });

  const router = new Router<ServerState>();
  mountEndpoints(router, {
    useCases: runtime.useCases,
    presenter: new Presenter(runtime.config.publicUrl),
    authenticate: (token) => runtime.useCases.authenticate.execute(token),
    metrics,
    operations: operationHandlers(
      runtime,
      metrics,
      () => (openApiText ??= JSON.stringify(openApiDocument())),
    ),
    bodyLimitBytes: runtime.config.bodyLimitBytes,
    uploadLimitBytes: runtime.config.uploadLimitBytes,
  });
  const liveSources = runtimeLiveSources(runtime);
  const liveOptions = { ...defaultLiveOptions, ...options.live };
  const live = new LiveHub(liveSources, liveOptions, logger.child({ component: 'live' }));
  registerLiveMetrics(metrics, live);
  mountLive(router, {
    hub: live,
    sources: liveSources,
    authenticate: (token) => runtime.useCases.authenticate.execute(token),
    recheckTokenMs: liveOptions.heartbeatMs,
  });
  const docs = docsRouter();

  const app = new Koa<ServerState>({ proxy: options.trustProxy ?? false });
  // Errors are answered and logged by errorHandler; what reaches Koa is a socket problem.
  app.on('error', (error: unknown) => logger.warn({ err: error }, 'connection error'));
  app.use(requestFrame(metrics, logger));
  app.use(errorHandler());
  app.use(router.routes());
  app.use(router.allowedMethods());
  app.use(docs.routes());
  app.use(docs.allowedMethods());

  let server: Server | undefined;
  return {
    app,
    router,
    endpoints: allEndpoints,
    metrics,
    live,
    openApiDocument,
    listen: (port, host = '0.0.0.0') =>
      new Promise((resolve, reject) => {
        const listening = app.listen(port, host);
        answerClientErrors(listening);
        // Node closes an idle keep-alive connection after 5 s, while load balancers and
        // clients keep theirs for up to a minute (ALB 60 s, nginx 60 s; undici 4 s, or the
        // server's hint): one that sends on a connection the server is closing at that
        // instant gets ECONNRESET. Idle connections stay open longer than the peers' then;
        // shutdown still closes them at once (closeGracefully).
        listening.keepAliveTimeout = 65_000;
        listening.headersTimeout = 66_000;
        listening.once('error', reject);
        listening.once('listening', () => {
          server = listening;
          const address = listening.address() as AddressInfo;
          resolve({ port: address.port, host: address.address, server: listening });
        });
      }),
    // Streams never finish by themselves: end them first, or close() would wait for them.
    close: async () => {
      await live.close();
      await closeGracefully(server, options.shutdownTimeoutMs ?? 10_000);
    },
  };
}

/** Stops accepting, lets requests in flight finish, then cuts what is left after `timeoutMs`. */
function closeGracefully(server: Server | undefined, timeoutMs: number): Promise<void> {
  if (!server?.listening) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    // Keep-alive connections with no request in flight would hold close() open.
    server.closeIdleConnections();
  });
}
