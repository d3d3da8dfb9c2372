// GET /sittings/{id}/board/live over a real socket: framing and headers, the current board
// first, a newer event for every change made through the API, Last-Event-ID, heartbeats,
// errors before the stream, and the open-stream count in the metrics.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../test-support/expect.js';
import { startTestServer, type TestServer } from '../test-support/harness.js';
import { LiveStream, book, bookedSitting, until } from '../test-support/live.js';

let t: TestServer;
const streams: LiveStream[] = [];

beforeAll(async () => {
  t = await startTestServer({ server: { live: { heartbeatMs: 100 } } });
});
afterEach(() => {
  for (const stream of streams.splice(0)) stream.close();
});
afterAll(() => t.close());

function watch(sittingId: number, options: { lastEventId?: string } = {}): LiveStream {
  const stream = new LiveStream(`${t.base}/sittings/${sittingId}/board/live`, options);
  streams.push(stream);
  return stream;
}

/** Reads a raw stream until `done(text)` holds, then cancels it; returns the headers and text. */
async function readRaw(path: string, done: (text: string) => boolean) {
  const response = await fetch(`${t.base}${path}`, { headers: { accept: 'text/event-stream' } });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!done(text)) {
    const chunk = (await reader.read()) as { value?: Uint8Array; done: boolean };
    if (chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  await reader.cancel();
  return { response, text };
}

type Board = { version: number } & Record<string, unknown>;

async function boardOf(sittingId: number): Promise<Board> {
  const reply = await t.api.get<Board>(`/sittings/${sittingId}/board`);
  expect(reply.status, reply.text).toBe(200);
  return reply.body;
}

describe('GET /sittings/{id}/board/live', () => {
  it('answers a text/event-stream that no cache or proxy buffers, with a retry hint first', async () => {
    const { sittingId } = await bookedSitting(t.api, { bookings: 1 });
    const { response, text } = await readRaw(`/sittings/${sittingId}/board/live`, (s) =>
      s.includes('\n\n'),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(text).toMatch(/^retry: \d+\n\n/);
  });

  it('sends the current board first, with the board version as its id', async () => {
    const { sittingId } = await bookedSitting(t.api, { bookings: 2 });
    const board = await boardOf(sittingId);
    const first = await watch(sittingId).nth(1);
    expect(first.type).toBe('board');
    expect(first.id).toBe(board.version);
    expect(first.data).toEqual(board);
  });

  it('sends a newer board, with a higher id, when a place is booked through the API', async () => {
    const { sittingId, owner, slotId } = await bookedSitting(t.api, { bookings: 1 });
    const stream = watch(sittingId);
    const first = await stream.nth(1);
    const booked = await book(t.api, owner, slotId);
    const next = await stream.find((e) => e.id > first.id);
    const queue = next.data.queue as { queue_number: number; status: string }[];
    expect(queue.map((entry) => entry.queue_number)).toContain(booked.queue_number);
    expect(next.data.waiting).toBe((first.data.waiting as number) + 1);
  });

  it('sends a newer board when the doctor checks a patient in', async () => {
    const { sittingId, doctor, appointments } = await bookedSitting(t.api, { bookings: 2 });
    const target = appointments[1]!;
    const stream = watch(sittingId);
    const first = await stream.nth(1);
    const reply = await t.api.post(`/doctors/appointments/${target.id}/check_in`, {}, doctor.token);
    expect(reply.status, reply.text).toBe(200);
    const next = await stream.find((e) => e.id > first.id);
    const queue = next.data.queue as { queue_number: number; status: string }[];
    expect(queue.find((e) => e.queue_number === target.queue_number)?.status).toBe('checked_in');
  });

  it('sends a newer board when an appointment is cancelled', async () => {
    const { sittingId, owner, appointments } = await bookedSitting(t.api, { bookings: 2 });
    const stream = watch(sittingId);
    const first = await stream.nth(1);
    const reply = await t.api.post(
      `/patient/appointment/${appointments[0]!.id}/cancel`,
      {},
      owner.token,
    );
    expect(reply.status, reply.text).toBe(200);
    const next = await stream.find((e) => e.id > first.id);
    expect(next.data.waiting).toBe((first.data.waiting as number) - 1);
  });

  it('sends every change in order: ids strictly increase and the last is the current board', async () => {
    const { sittingId, owner, slotId } = await bookedSitting(t.api, { bookings: 1 });
    const stream = watch(sittingId);
    await stream.nth(1);
    for (let i = 0; i < 3; i += 1) await book(t.api, owner, slotId);
    const board = await boardOf(sittingId);
    await stream.find((e) => e.id === board.version);
    const ids = stream.events.map((e) => e.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(stream.last?.data).toEqual(board);
  });

  it('answers a reconnect with Last-Event-ID with the current state at once, nothing older', async () => {
    const { sittingId, owner, slotId } = await bookedSitting(t.api, { bookings: 1 });
    const before = await boardOf(sittingId);
    await book(t.api, owner, slotId);
    await book(t.api, owner, slotId);
    const current = await boardOf(sittingId);
    expect(current.version).toBeGreaterThan(before.version);
    const resumed = watch(sittingId, { lastEventId: String(before.version) });
    const first = await resumed.nth(1);
    expect(first.id).toBe(current.version);
    expect(first.data).toEqual(current);
    expect(resumed.events.every((e) => e.id >= current.version)).toBe(true);
  });

  it('writes a heartbeat comment while nothing changes', async () => {
    const { sittingId } = await bookedSitting(t.api, { bookings: 1 });
    const { text } = await readRaw(`/sittings/${sittingId}/board/live`, (s) =>
      s.includes(': heartbeat\n\n'),
    );
    expect(text).toContain('event: board\n');
    expect(text).toContain(': heartbeat\n\n');
  });

  it('answers an unknown sitting 404 SITTING_NOT_FOUND in the problem JSON, not a stream', async () => {
    const reply = await t.api.get('/sittings/987654321/board/live');
    expectError(reply, 404, 'SITTING_NOT_FOUND');
    expect(t.server.live.watchedSittings).toBe(0);
  });

  it('answers a malformed id 400 VALIDATION_FAILED naming it', async () => {
    expectError(await t.api.get('/sittings/abc/board/live'), 400, 'VALIDATION_FAILED', ['id']);
    expectError(await t.api.get('/sittings/0/board/live'), 400, 'VALIDATION_FAILED', ['id']);
  });

  it('counts open streams in /metrics, and forgets them when their clients leave', async () => {
    const { sittingId } = await bookedSitting(t.api, { bookings: 1 });
    const a = watch(sittingId);
    const b = watch(sittingId);
    await Promise.all([a.nth(1), b.nth(1)]);
    const open = async () => {
      const text = (await t.api.get('/metrics')).text;
      return Number(/^doctorly_live_streams_open\{kind="board"\} (\d+)$/m.exec(text)?.[1]);
    };
    expect(await open()).toBe(2);
    a.close();
    b.close();
    await until(async () => (await open()) === 0);
    expect(t.server.live.watchedSittings).toBe(0);
  });
});
