// Fan-out in one server: 500 subscribers of one board all receive every event, and a
// subscriber that stops reading is dropped while the others and the writer carry on.
import { connect } from 'node:net';
import type { AppointmentView } from '@doctorly/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../test-support/api.js';
import { startTestServer, type TestServer } from '../test-support/harness.js';
import { LiveStream, book, bookedSitting, until } from '../test-support/live.js';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

function versionOf(sittingId: number): Promise<number> {
  return versionOn(t, sittingId);
}

describe('fan-out to many subscribers', () => {
  it(
    'delivers every event to each of 500 subscribers of one board',
    { timeout: 120_000 },
    async () => {
      const { sittingId, owner, slotId } = await bookedSitting(t.api, { places: 20, bookings: 1 });
      const streams = Array.from(
        { length: 500 },
        () => new LiveStream(`${t.base}/sittings/${sittingId}/board/live`),
      );
      try {
        await until(() => streams.every((s) => s.events.length >= 1), 50);
        expect(t.server.live.openStreams().board).toBe(500);
        expect(t.server.live.watchedSittings).toBe(1);
        const expected = [await versionOf(sittingId)];
        expect(streams.every((s) => s.events[0]?.id === expected[0])).toBe(true);
        // One change at a time, each waited for, so that no two coalesce into one event.
        for (let i = 0; i < 5; i += 1) {
          await book(t.api, owner, slotId);
          const version = await versionOf(sittingId);
          expected.push(version);
          await until(() => streams.every((s) => s.last?.id === version), 50);
        }
        for (const stream of streams) expect(stream.events.map((e) => e.id)).toEqual(expected);
      } finally {
        for (const stream of streams) stream.close();
      }
    },
  );
});

describe('a subscriber that stops reading', () => {
  let small: TestServer;
  beforeAll(async () => {
    small = await startTestServer({ server: { live: { bufferLimitBytes: 32 * 1024 } } });
  });
  afterAll(() => small.close());

  it(
    'is dropped and closed, while the others receive every event and the writer is answered',
    { timeout: 120_000 },
    async () => {
      const api = small.api;
      // A big board (about 16 kB), so that the stalled socket's kernel buffers, which take
      // megabytes before the server's own buffer grows, fill within a few hundred changes.
      const { sittingId, owner, slotId, doctor, appointments } = await bookedSitting(api, {
        places: 200,
        bookings: 1,
        start: '06:00',
      });
      await bookMany(small, owner, slotId, 199, appointments);
      const url = `${small.base}/sittings/${sittingId}/board/live`;
      const readers = [1, 2, 3].map(() => new LiveStream(url));
      const stalled = connect(Number(new URL(small.base).port), '127.0.0.1');
      stalled.write(
        `GET /sittings/${sittingId}/board/live HTTP/1.1\r\nHost: test\r\nAccept: text/event-stream\r\n\r\n`,
      );
      stalled.pause();
      const stalledEnd = new Promise<number>((resolve) => {
        let bytes = 0;
        stalled.on('data', (chunk: Buffer) => (bytes += chunk.length));
        stalled.on('close', () => resolve(bytes));
      });
      const change = (path: string) =>
        api.post(path, {}, path.startsWith('/doctors') ? doctor.token : owner.token);
      try {
        await until(() => small.server.live.openStreams().board === 4);
        const changes = [
          ...appointments.map((a) => `/doctors/appointments/${a.id}/check_in`),
          ...appointments.map((a) => `/patient/appointment/${a.id}/cancel`),
        ];
        let sentBytes = 0;
        let next = 0;
        while (small.server.live.dropped === 0 && next < changes.length) {
          const seen = readers[0]!.events.length;
          const reply = await change(changes[next++]!);
          expect(reply.status, reply.text).toBe(200);
          // Every change makes a newer board: wait for it to reach every reader.
          await until(() => readers.every((r) => r.events.length > seen));
          sentBytes += JSON.stringify(readers[0]!.last!.data).length;
        }
        expect(small.server.live.dropped).toBe(1);
        expect(small.server.live.openStreams().board).toBe(3);
        // The server closed it: reading now yields what the buffers held, then the end.
        stalled.resume();
        expect(await stalledEnd).toBeLessThan(sentBytes);
        // The writer is answered, and the others still receive.
        const reply = await change(changes[next]!);
        expect(reply.status, reply.text).toBe(200);
        const version = await versionOn(small, sittingId);
        await until(() => readers.every((r) => r.last?.id === version));
        const ids = readers.map((r) => r.events.map((e) => e.id));
        expect(ids[1]).toEqual(ids[0]);
        expect(ids[2]).toEqual(ids[0]);
      } finally {
        stalled.destroy();
        for (const reader of readers) reader.close();
      }
    },
  );
});

async function versionOn(server: TestServer, sittingId: number): Promise<number> {
  return (await server.api.get<{ version: number }>(`/sittings/${sittingId}/board`)).body.version;
}

/** Books `count` more patients of `owner` in the slot, ten at a time, appending to `into`. */
async function bookMany(
  server: TestServer,
  owner: Account,
  slotId: number,
  count: number,
  into: AppointmentView[],
): Promise<void> {
  for (let done = 0; done < count; done += 10) {
    const batch = Array.from({ length: Math.min(10, count - done) }, () =>
      book(server.api, owner, slotId),
    );
    into.push(...(await Promise.all(batch)));
  }
}
