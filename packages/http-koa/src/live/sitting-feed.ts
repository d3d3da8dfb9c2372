import type { AuthenticatedActor } from '@doctorly/core';
import type { Logger } from 'pino';
import type { SseClient } from './sse-client.js';
import { sseEvent } from './sse-event.js';
import type { LiveSources, NoticeSubscription } from './live-sources.js';

/** An appointment stream: whose view it shows, and to whom. */
export interface AppointmentWatcher {
  readonly client: SseClient;
  readonly actor: AuthenticatedActor;
  readonly appointmentId: number;
}

/** The last board written to the board streams: its version, JSON and rendered event. */
interface Rendered {
  readonly version: number;
  readonly data: string;
  readonly chunk: string;
}

/** Why a feed re-reads: a change notice, or the clock (expected times move without events). */
export type RefreshCause = 'notice' | 'clock';

/**
 * The streams of one sitting in this process, behind one notice subscription. On a notice
 * it reads the board once, skips it unless it is newer (or, on the clock's re-read,
 * different), renders the event once and writes the same string to every board stream; each
 * appointment stream re-reads only its own view. Reads never overlap: notices arriving
 * during one coalesce into a single next read, so a burst of changes costs two reads.
 */
export class SittingFeed {
  readonly boards = new Set<SseClient>();
  readonly appointments = new Set<AppointmentWatcher>();
  private last: Rendered | undefined;
  private subscription: NoticeSubscription | undefined;
  private running: Promise<void> | undefined;
  private pending: RefreshCause | undefined;

  constructor(
    readonly sittingId: number,
    private readonly sources: LiveSources,
    private readonly logger: Logger,
  ) {}

  /** Subscribes to the sitting's notices; resolves once notices will arrive. */
  async start(): Promise<void> {
    this.subscription = await this.sources.watchSitting(this.sittingId, () =>
      this.refresh('notice'),
    );
  }

  /** Ends the subscription (the last stream left, or shutdown). */
  async stop(): Promise<void> {
    await this.subscription?.unsubscribe();
    this.subscription = undefined;
  }

  /** Adds a board stream that has sent its first state; catches it up if a newer one went out meanwhile. */
  addBoard(client: SseClient): void {
    this.boards.add(client);
    if (this.last && this.last.version > client.sentId)
      client.send(this.last.version, this.last.data, this.last.chunk);
  }

  /** Adds an appointment stream that has sent its first state; re-reads it if the board moved on meanwhile. */
  addAppointment(watcher: AppointmentWatcher): void {
    this.appointments.add(watcher);
    if (this.last && this.last.version > watcher.client.sentId)
      void this.sendAppointment(watcher, this.last.version);
  }

  /** Re-reads now, or right after the read in flight (several requests make one read). */
  refresh(cause: RefreshCause): void {
    if (this.running) {
      // A notice outranks the clock: it must not be skipped as "not different".
      if (this.pending !== 'notice') this.pending = cause;
      return;
    }
    this.running = this.drain(cause);
  }

  /** Resolves when no read is in flight (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(first: RefreshCause): Promise<void> {
    let cause: RefreshCause | undefined = first;
    while (cause) {
      this.pending = undefined;
      try {
        await this.readAndSend(cause);
      } catch (error) {
        this.logger.warn({ err: error, sitting_id: this.sittingId }, 'live board read failed');
      }
      cause = this.pending;
    }
    this.running = undefined;
  }

  private async readAndSend(cause: RefreshCause): Promise<void> {
    if (this.boards.size === 0 && this.appointments.size === 0) return;
    const board = await this.sources.readBoard(this.sittingId);
    const data = JSON.stringify(board);
    const last = this.last;
    const newer = last === undefined || board.version > last.version;
    const changed = newer || (board.version === last.version && data !== last.data);
    if (!changed) return;
    if (cause === 'notice' && !newer) return;
    const rendered = {
      version: board.version,
      data,
      chunk: sseEvent('board', board.version, data),
    };
    this.last = rendered;
    for (const client of this.boards) client.send(rendered.version, rendered.data, rendered.chunk);
    await Promise.all([...this.appointments].map((w) => this.sendAppointment(w, board.version)));
  }

  private async sendAppointment(watcher: AppointmentWatcher, version: number): Promise<void> {
    try {
      const view = await this.sources.readAppointment(watcher.actor, watcher.appointmentId);
      const data = JSON.stringify(view);
      watcher.client.send(version, data, sseEvent('appointment', version, data));
    } catch (error) {
      this.logger.warn(
        { err: error, appointment_id: watcher.appointmentId },
        'live appointment read failed',
      );
    }
  }
}
