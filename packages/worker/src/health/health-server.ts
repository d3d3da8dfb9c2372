import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkerHealth } from '../loop/worker.js';
import type { WorkerMetrics } from '../loop/worker-metrics.js';

/** A running {@link startHealthServer} listener. @category Worker */
export interface HealthServer {
  /** The port it listens on (useful when started on port 0 in tests). */
  readonly port: number;
  close(): Promise<void>;
}

/**
 * A small HTTP listener for a supervisor (plain `node:http`: the worker does not depend on
 * the Koa host): `GET /healthz` answers 200 with the worker's health while the loop is
 * alive and its last tick is recent, else 503; `GET /metrics` the Prometheus metrics.
 * @category Worker
 */
export async function startHealthServer(
  source: { health(): WorkerHealth },
  metrics: WorkerMetrics,
  options: { port: number; host?: string },
): Promise<HealthServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/healthz') {
      const health = source.health();
      response.writeHead(health.healthy ? 200 : 503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: health.healthy ? 'ok' : 'unhealthy', ...health }));
      return;
    }
    if (path === '/metrics') {
      metrics.render().then(
        (text) => response.writeHead(200, { 'content-type': metrics.contentType }).end(text),
        () => response.writeHead(500).end(),
      );
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"status":"not found"}');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
