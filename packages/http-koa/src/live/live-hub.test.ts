// The hub over real sockets (node:http and an SSE client), with a hand-driven source of
// boards and notices: one subscription per sitting, coalesced reads, dropping a stalled
// reader, and shutdown. The server-level tests drive the same hub through the API.
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { DomainError } from '@doctorly/core';
import { EventSource } from 'eventsource';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveHub } from './live-hub.js';
import type { LiveSources } from './live-sources.js';
import { defaultLiveOptions, type LiveOptions } from './live-options.js';

/** Boards by sitting, notice listeners by sitting, and how often each was read. */
class HandDrivenSources implements LiveSources {
  readonly boards = new Map<number, { version: number; queue: string }>();
  readonly listeners = new Map<number, Set<() => void>>();
  reads = 0;

  readBoard(sittingId: number) {
    this.reads += 1;
    const board = this.boards.get(sittingId);
    if (!board) return Promise.reject(new DomainError('SITTING_NOT_FOUND', 'No such sitting.'));
    return Promise.resolve({ sitting_id: sittingId, ...board });
  }

  readAppointment() {
    return Promise.reject(new DomainError('APPOINTMENT_NOT_FOUND', 'No such appointment.'));
  }

  watchSitting(sittingId: number, onNotice: () => void) {
    const set = this.listeners.get(sittingId) ?? new Set();
    this.listeners.set(sittingId, set.add(onNotice));
    return { unsubscribe: () => set.delete(onNotice) };
  }

  change(sittingId: number, queue = 'x'): void {
    const board = this.boards.get(sittingId) ?? { version: 0, queue };
    this.boards.set(sittingId, { version: board.version + 1, queue });
    for (const listener of this.listeners.get(sittingId) ?? []) listener();
  }
}

interface Rig {
  readonly sources: HandDrivenSources;
  readonly hub: LiveHub;
  readonly url: (sittingId: number) => string;
  readonly port: number;
}

const open: { server: Server; hub: LiveHub; clients: EventSource[] }[] = [];

async function rig(options: Partial<LiveOptions> = {}): Promise<Rig & { clients: EventSource[] }> {
  const sources = new HandDrivenSources();
  const hub = new LiveHub(
    sources,
    { ...defaultLiveOptions, ...options },
    pino({ level: 'silent' }),
  );
  const server = createServer((req, res) => {
    const id = Number(req.url?.split('/')[1]);
    hub.watchBoard(id, res).catch(() => {
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const clients: EventSource[] = [];
  open.push({ server, hub, clients });
  return { sources, hub, port, clients, url: (id) => `http://127.0.0.1:${port}/${id}` };
}

afterEach(async () => {
  for (const { server, hub, clients } of open.splice(0)) {
    for (const client of clients) client.close();
    await hub.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** An SSE client that records every `board` event's id, resolving once it has the first. */
async function listen(r: Rig & { clients: EventSource[] }, sittingId: number) {
  const ids: number[] = [];
  const source = new EventSource(r.url(sittingId));
  r.clients.push(source);
  await new Promise<void>((resolve, reject) => {
    source.addEventListener('board', (event) => {
      ids.push(Number(event.lastEventId));
      resolve();
    });
    source.addEventListener('error', reject);
  });
  return { ids, source };
}

/** Waits until `check` holds, polling (no timing is asserted: the test's timeout bounds it). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await delay(10);
}

describe('LiveHub', () => {
  it('holds one notice subscription per sitting, however many streams, and ends it with the last', async () => {
    const r = await rig();
    r.sources.change(1);
    const a = await listen(r, 1);
    const b = await listen(r, 1);
    expect(r.sources.listeners.get(1)?.size).toBe(1);
    expect(r.hub.openStreams().board).toBe(2);
    a.source.close();
    b.source.close();
    await until(() => r.hub.openStreams().board === 0);
    expect(r.sources.listeners.get(1)?.size).toBe(0);
    expect(r.hub.watchedSittings).toBe(0);
  });

  it('reads the board once per notice and sends it to every stream', async () => {
    const r = await rig();
    r.sources.change(1);
    const streams = await Promise.all([1, 2, 3].map(() => listen(r, 1)));
    const readsBefore = r.sources.reads;
    r.sources.change(1);
    await until(() => streams.every((s) => s.ids.length === 2));
    expect(r.sources.reads - readsBefore).toBe(1);
    expect(streams.map((s) => s.ids)).toEqual([
      [1, 2],
      [1, 2],
      [1, 2],
    ]);
  });

  it('never sends a version it sent already, nor an older one', async () => {
    const r = await rig();
    r.sources.change(1);
    const s = await listen(r, 1);
    // A notice without a change (a duplicate): the board read is not newer.
    for (const listener of r.sources.listeners.get(1) ?? []) listener();
    r.sources.change(1);
    await until(() => s.ids.length === 2);
    await delay(50);
    expect(s.ids).toEqual([1, 2]);
  });

  it('re-sends a board whose JSON changed under the same version on the clock re-read', async () => {
    const r = await rig({ rerenderMs: 20 });
    r.sources.change(1, 'planned');
    const s = await listen(r, 1);
    const data: string[] = [];
    s.source.addEventListener('board', (event) => data.push(String(event.data)));
    r.sources.boards.set(1, { version: 1, queue: 'moved by the clock' });
    await until(() => data.length === 1);
    expect(JSON.parse(data[0] ?? '{}')).toMatchObject({ version: 1, queue: 'moved by the clock' });
    expect(s.ids).toEqual([1, 1]);
  });

  it('writes heartbeats to every stream', async () => {
    const r = await rig({ heartbeatMs: 20 });
    r.sources.change(1);
    const response = await fetch(r.url(1));
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes(': heartbeat\n\n')) {
      const chunk = (await reader.read()) as { value?: Uint8Array };
      text += decoder.decode(chunk.value, { stream: true });
    }
    expect(text).toMatch(/^retry: \d+\n\nevent: board\nid: 1\n/);
    await reader.cancel();
  });

  it('drops a stream whose client stopped reading, and the others get every event', async () => {
    const r = await rig();
    const payload = (n: number) => String(n % 10).repeat(50_000);
    r.sources.change(1, payload(1));
    const reader = await listen(r, 1);
    // A raw socket that sends the request and then reads nothing.
    const stalled = connect(r.port, '127.0.0.1');
    stalled.write(`GET /1 HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n`);
    stalled.pause();
    const ended = new Promise<number>((resolve) => {
      let bytes = 0;
      stalled.on('data', (chunk: Buffer) => (bytes += chunk.length));
      stalled.on('close', () => resolve(bytes));
    });
    await until(() => r.hub.openStreams().board === 2);
    let sent = 1;
    // The kernel's socket buffers take a few megabytes first; then the process buffer fills.
    while (r.hub.dropped === 0) {
      sent += 1;
      r.sources.change(1, payload(sent));
      await until(() => reader.ids.length === sent);
    }
    expect(r.hub.openStreams().board).toBe(1);
    // The server cut it off: reading now gets what the buffers held, then the end.
    stalled.resume();
    const received = await ended;
    expect(received).toBeLessThan(sent * 50_000);
    r.sources.change(1, 'after');
    await until(() => reader.ids.length === sent + 1);
    expect(reader.ids).toEqual(Array.from({ length: sent + 1 }, (_, i) => i + 1));
  });

  it('answers an unknown sitting before the stream starts and keeps no subscription', async () => {
    const r = await rig();
    const response = await fetch(r.url(99));
    expect(response.status).toBe(404);
    expect(r.hub.watchedSittings).toBe(0);
  });

  it('ends every stream on close', async () => {
    const r = await rig();
    r.sources.change(1);
    const response = await fetch(r.url(1));
    const text = response.text();
    await until(() => r.hub.openStreams().board === 1);
    await r.hub.close();
    expect(await text).toContain('event: board');
    expect(r.hub.openStreams().board).toBe(0);
  });

  it('answers HEAD with the stream headers only, and keeps no stream or subscription', async () => {
    const r = await rig();
    r.sources.change(1);
    const response = await fetch(r.url(1), { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    await until(() => r.hub.watchedSittings === 0);
    expect(r.hub.openStreams().board).toBe(0);
  });

  it('ends at once a stream asked for after close, and keeps no subscription', async () => {
    const r = await rig();
    r.sources.change(1);
    await r.hub.close();
    const text = await (await fetch(r.url(1))).text();
    expect(text).not.toContain('event:');
    expect(r.hub.openStreams().board).toBe(0);
    expect(r.hub.watchedSittings).toBe(0);
  });
});
