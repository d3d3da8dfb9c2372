// Shutdown with streams open: the server's close ends them (it must not wait for them), and a
// server process told to stop (SIGTERM) ends its streams and exits.
import { createTestDatabase, type TestDatabase } from '@doctorly/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../test-support/api.js';
import { startTestServer } from '../test-support/harness.js';
import { bookedSitting, spawnServer } from '../test-support/live.js';

/** Opens a raw stream and resolves, once it ends, with everything it received. */
async function openRaw(
  url: string,
): Promise<{ received: Promise<string>; started: Promise<void> }> {
  const response = await fetch(url);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const received = (async () => {
    for (;;) {
      const chunk = (await reader.read()) as { value?: Uint8Array; done: boolean };
      if (chunk.done) return text;
      text += decoder.decode(chunk.value, { stream: true });
      if (text.includes('event: board')) markStarted();
    }
  })();
  return { received, started };
}

describe('server close with open streams', () => {
  it('ends every stream and resolves', async () => {
    const t = await startTestServer();
    try {
      const { sittingId } = await bookedSitting(t.api, { bookings: 1 });
      const streams = await Promise.all(
        [1, 2, 3].map(() => openRaw(`${t.base}/sittings/${sittingId}/board/live`)),
      );
      await Promise.all(streams.map((s) => s.started));
      expect(t.server.live.openStreams().board).toBe(3);
      await t.server.close();
      for (const stream of streams) expect(await stream.received).toContain('event: board');
      expect(t.server.live.openStreams().board).toBe(0);
      expect(t.server.live.watchedSittings).toBe(0);
    } finally {
      await t.close();
    }
  });
});

describe('a server process told to stop', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.dispose());

  it('ends its open streams and exits with status 0', { timeout: 60_000 }, async () => {
    if (database.kind !== 'postgres') throw new Error('a server process needs DATABASE_URL');
    const server = await spawnServer({
      DATABASE_URL: database.url,
      JWT_SECRET: 'live-shutdown-secret-0123456789abcdefghijklmn',
      DEMO_DATA: 'false',
      SEARCH_ENGINE: 'postgres',
      REDIS_URL: '',
    });
    try {
      const { sittingId } = await bookedSitting(new Api(server.base), { bookings: 1 });
      const stream = await openRaw(`${server.base}/sittings/${sittingId}/board/live`);
      await stream.started;
      server.child.kill('SIGTERM');
      expect(await stream.received).toContain('event: board');
      expect(await server.exited).toBe(0);
    } finally {
      await server.stop();
    }
  });
});
