import type { ServerResponse } from 'node:http';
import type { AuthenticatedActor } from '@doctorly/core';
import type { Logger } from 'pino';
import type { LiveOptions } from './live-options.js';
import type { LiveSources } from './live-sources.js';
import { SseClient, type StreamEnd } from './sse-client.js';
import { sseEvent, sseHeartbeat } from './sse-event.js';
import { SittingFeed } from './sitting-feed.js';

/** A feed shared by every stream of its sitting in this process, counted by its users. */
interface FeedEntry {
  users: number;
  readonly ready: Promise<SittingFeed>;
}

/** The kinds of stream, as counted in the metrics. */
export type StreamKind = 'board' | 'appointment';

/**
 * The live streams of one server process. However many clients watch a sitting, the process
 * holds one notice subscription for it (counted: the last stream to leave ends it), reads
 * the board once per notice and writes one rendered string to all of them. One timer writes
 * every stream's heartbeat, one re-reads every watched board for the clock's sake.
 * {@link close} ends every stream, so the server's own close never waits on one.
 */
export class LiveHub {
  private readonly feeds = new Map<number, FeedEntry>();
  private readonly streams = new Map<SseClient, StreamKind>();
  private readonly timers: NodeJS.Timeout[];
  private closed = false;
  /** Streams cut off because their client did not read, since start. */
  dropped = 0;

  constructor(
    private readonly sources: LiveSources,
    private readonly options: LiveOptions,
    private readonly logger: Logger,
  ) {
    this.timers = [
      setInterval(() => this.heartbeat(), options.heartbeatMs),
      setInterval(() => this.rerender(), options.rerenderMs),
    ];
    for (const timer of this.timers) timer.unref();
  }

  /** Open streams by kind. */
  openStreams(): Record<StreamKind, number> {
    const counts = { board: 0, appointment: 0 };
    for (const kind of this.streams.values()) counts[kind] += 1;
    return counts;
  }

  /** Sittings this process holds a notice subscription for. */
  get watchedSittings(): number {
    return this.feeds.size;
  }

  /**
   * Streams `sittingId`'s board on `res`: the current board first, then every change. Throws
   * (before anything is written) when the sitting does not exist.
   */
  async watchBoard(sittingId: number, res: ServerResponse): Promise<void> {
    const feed = await this.acquire(sittingId);
    let board;
    try {
      board = await this.sources.readBoard(sittingId);
    } catch (error) {
      this.release(sittingId);
      throw error;
    }
    const client = this.open(res, 'board', sittingId, (ended) => feed.boards.delete(ended));
    const data = JSON.stringify(board);
    client.send(board.version, data, sseEvent('board', board.version, data));
    if (client.open) feed.addBoard(client);
  }

  /**
   * Streams appointment `appointmentId` as `actor` sees it on `res`. Throws (before anything
   * is written) when the actor may not see it, as reading it would.
   */
  async watchAppointment(
    actor: AuthenticatedActor,
    appointmentId: number,
    res: ServerResponse,
  ): Promise<void> {
    const { sitting_id: sittingId } = await this.sources.readAppointment(actor, appointmentId);
    const feed = await this.acquire(sittingId);
    let board, current;
    try {
      // The board's version is the event id; both read after subscribing, so no change is missed.
      board = await this.sources.readBoard(sittingId);
      current = await this.sources.readAppointment(actor, appointmentId);
    } catch (error) {
      this.release(sittingId);
      throw error;
    }
    const client = this.open(res, 'appointment', sittingId, (ended) => {
      for (const watcher of feed.appointments)
        if (watcher.client === ended) feed.appointments.delete(watcher);
    });
    const data = JSON.stringify(current);
    client.send(board.version, data, sseEvent('appointment', board.version, data));
    if (client.open) feed.addAppointment({ actor, appointmentId, client });
  }

  /** Ends every stream and subscription; later watch requests get a stream that ends at once. */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    for (const client of [...this.streams.keys()]) client.end('shutdown');
    const entries = [...this.feeds.values()];
    this.feeds.clear();
    await Promise.all(
      entries.map(async (entry) => {
        const feed = await entry.ready.catch(() => undefined);
        await feed?.settled();
        await feed?.stop();
      }),
    );
  }

  /**
   * Starts the answer on `res` and tracks it until it ends, whatever ends it: then `leave`
   * takes it off its feed and the feed's use is released (from here on, only this does).
   */
  private open(
    res: ServerResponse,
    kind: StreamKind,
    sittingId: number,
    leave: (client: SseClient) => void,
  ): SseClient {
    const client = new SseClient(res, this.options.bufferLimitBytes);
    this.streams.set(client, kind);
    client.onceEnded((why: StreamEnd) => {
      this.streams.delete(client);
      leave(client);
      this.release(sittingId);
      if (why === 'slow') {
        this.dropped += 1;
        this.logger.warn({ sitting_id: sittingId, kind }, 'live stream dropped: client too slow');
      }
    });
    client.start(this.options.retryMs);
    if (this.closed) client.end('shutdown');
    return client;
  }

  private async acquire(sittingId: number): Promise<SittingFeed> {
    let entry = this.feeds.get(sittingId);
    if (entry === undefined) {
      const feed = new SittingFeed(sittingId, this.sources, this.logger);
      entry = { users: 0, ready: feed.start().then(() => feed) };
      this.feeds.set(sittingId, entry);
      const created = entry;
      // A failed subscription is forgotten, so the next stream tries again.
      created.ready.catch(() => {
        if (this.feeds.get(sittingId) === created) this.feeds.delete(sittingId);
      });
    }
    entry.users += 1;
    try {
      return await entry.ready;
    } catch (error) {
      entry.users -= 1;
      throw error;
    }
  }

  private release(sittingId: number): void {
    const entry = this.feeds.get(sittingId);
    if (entry === undefined) return;
    entry.users -= 1;
    if (entry.users > 0) return;
    this.feeds.delete(sittingId);
    void entry.ready
      .then((feed) => feed.stop())
      .catch((error: unknown) =>
        this.logger.warn({ err: error, sitting_id: sittingId }, 'live unsubscribe failed'),
      );
  }

  private heartbeat(): void {
    for (const client of [...this.streams.keys()]) client.write(sseHeartbeat);
  }

  private rerender(): void {
    for (const entry of this.feeds.values())
      void entry.ready.then((feed) => feed.refresh('clock')).catch(() => {});
  }
}
