import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import Router from '@koa/router';
import Koa from 'koa';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from './metrics.js';
import { requestFrame } from './request-frame.js';
import type { ServerState } from './state.js';

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A Koa app with the server's request id and access log, logging at `level` into `lines`. */
async function appLoggingAt(
  level: string,
): Promise<{ base: string; lines: Record<string, unknown>[] }> {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ level }, sink);
  const router = new Router<ServerState>();
  router.get('/doctors/get/:id', (ctx) => {
    ctx.body = { id: ctx.params.id };
  });
  router.get('/broken', (ctx) => {
    ctx.status = 500;
    ctx.body = { code: 'INTERNAL' };
  });
  const app = new Koa<ServerState>();
  app.use(requestFrame(createMetrics(), logger));
  app.use(router.routes());
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, lines };
}

describe('access log', () => {
  it('at info, writes one line per request with its request id, route template and status', async () => {
    const { base, lines } = await appLoggingAt('info');
    const response = await fetch(`${base}/doctors/get/7`, { headers: { 'X-Request-Id': 'req-1' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req-1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request',
      request_id: 'req-1',
      method: 'GET',
      path: '/doctors/get/7',
      route: '/doctors/get/:id',
      status: 200,
    });
    expect(typeof lines[0]!.duration_ms).toBe('number');
  });

  it('above info, writes no line for an answered request, but still one for a 5xx', async () => {
    const { base, lines } = await appLoggingAt('warn');
    await fetch(`${base}/doctors/get/7`);
    expect(lines).toHaveLength(0);
    const failed = await fetch(`${base}/broken`);
    expect(failed.status).toBe(500);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 50,
      msg: 'request failed',
      request_id: failed.headers.get('x-request-id'),
      status: 500,
    });
  });
});
