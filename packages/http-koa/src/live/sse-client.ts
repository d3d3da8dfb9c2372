import type { ServerResponse } from 'node:http';
import { sseRetry } from './sse-event.js';

/** Why a stream ended: its client left, it read too slowly, or the server is shutting down. */
export type StreamEnd = 'client' | 'slow' | 'shutdown';

/**
 * One open `text/event-stream` answer. Writes never wait: a chunk goes to the socket, or to
 * Node's buffer when the socket is full; once that buffer holds more than the limit the
 * client is stalled, and it is cut off at once, so a slow reader costs at most the limit in
 * memory and never holds up whoever writes to many streams in one loop.
 */
export class SseClient {
  /** The `id` of the last event written (−1: none yet). */
  private lastId = -1;
  /** The data of that event, to skip sending the same state twice. */
  private lastData: string | undefined;
  private ended = false;
  private readonly onEnd: ((why: StreamEnd) => void)[] = [];

  constructor(
    private readonly res: ServerResponse,
    private readonly bufferLimitBytes: number,
  ) {
    res.once('close', () => this.finish('client'));
  }

  /** Whether the stream still runs. */
  get open(): boolean {
    return !this.ended;
  }

  /** Sends the status line, the headers and the retry hint (so the client sees it is live). */
  start(retryMs: number): void {
    // The client may have gone while its first state was read: 'close' has fired already.
    if (this.res.destroyed || this.res.socket?.destroyed !== false) {
      this.finish('client');
      return;
    }
    this.res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      // nginx and others buffer answers unless told not to: events would arrive in lumps.
      'X-Accel-Buffering': 'no',
      Connection: 'keep-alive',
    });
    // HEAD asks for the headers only: a stream without a body would never end.
    if (this.res.req.method === 'HEAD') {
      this.end('client');
      return;
    }
    this.res.socket?.setNoDelay(true);
    this.write(sseRetry(retryMs));
  }

  /**
   * Writes the event `chunk` (rendered from `data` with id `id`) unless this stream has sent
   * a later id already, or this very state under this id: a late or repeated read never
   * reaches the client.
   */
  send(id: number, data: string, chunk: string): void {
    if (id < this.lastId || (id === this.lastId && data === this.lastData)) return;
    this.lastId = id;
    this.lastData = data;
    this.write(chunk);
  }

  /** The id of the last event sent (−1 before the first). */
  get sentId(): number {
    return this.lastId;
  }

  /** Writes raw text (a comment, a hint); drops the client if its buffer overflows. */
  write(text: string): void {
    if (this.ended) return;
    this.res.write(text);
    if (this.res.writableLength > this.bufferLimitBytes) {
      this.finish('slow');
      // A full buffer will not drain: end() would wait behind it. Cut the connection.
      this.res.destroy();
    }
  }

  /** Ends the stream cleanly (server shutdown, the watched thing is gone). */
  end(why: StreamEnd = 'shutdown'): void {
    if (this.ended) return;
    this.finish(why);
    this.res.end();
  }

  /** Runs `listener` once when the stream ends, for whatever reason. */
  onceEnded(listener: (why: StreamEnd) => void): void {
    if (this.ended) listener('client');
    else this.onEnd.push(listener);
  }

  private finish(why: StreamEnd): void {
    if (this.ended) return;
    this.ended = true;
    for (const listener of this.onEnd.splice(0)) listener(why);
  }
}
