// A process of SSE subscribers for the live scenario (bench/scenarios/live.ts forks it): the
// subscribers run outside the server and outside the harness, so that neither parsing
// thousands of streams steals the server's event loop nor the harness's pacing of the changes
// is delayed by it. It opens one `GET /sittings/{id}/board/live` per entry of its plan, each on
// its own socket, notes when each board version first arrived on each stream, and sends the
// notes to the parent over IPC when told to stop.
import { request, type ClientRequest } from 'node:http';

/** What the parent sends: open the streams, then stop and report. */
export type SubscriberCommand =
  | { readonly type: 'open'; readonly url: string; readonly boards: readonly number[] }
  | { readonly type: 'stop' };

/** One stream's notes: the board, and `[version, receivedAt]` per version, first receipt only. */
export interface SubscriberLog {
  readonly board: number;
  readonly received: Array<[version: number, at: number]>;
  /** Why the stream ended before the stop (status, socket error, server closed it), if it did. */
  ended?: string;
}

/** What this process reports back. */
export type SubscriberMessage =
  | { readonly type: 'ready'; readonly open: number; readonly failed: number }
  | { readonly type: 'result'; readonly logs: SubscriberLog[] };

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes of one machine. */
export const wallMs = (): number => performance.timeOrigin + performance.now();

/** Set on `stop`: what ends the streams afterwards is the harness, not a failure. */
let stopping = false;

/** How many streams are being opened at once (a burst of 1,000 connects only queues in the kernel). */
const openingAtOnce = 50;

interface Stream {
  readonly log: SubscriberLog;
  readonly request: ClientRequest;
  readonly first: Promise<boolean>;
}

/**
 * Opens one stream and parses its events as the WHATWG spec says (fields up to a blank
 * line; `id:` sets the event id). Resolves `first` with true on its first `board` event,
 * false when it fails before one.
 */
function openStream(url: string, board: number): Stream {
  const log: Stream['log'] = { board, received: [] };
  const seen = new Set<number>();
  let settle: (ok: boolean) => void = () => undefined;
  const first = new Promise<boolean>((resolve) => (settle = resolve));
  const req = request(new URL(`/sittings/${board}/board/live`, url), {
    agent: false,
    headers: { accept: 'text/event-stream' },
  });
  const end = (why: string) => {
    if (!stopping) log.ended ??= why;
    settle(false);
  };
  req.on('error', (error) => end(`socket: ${error.message}`));
  req.on('response', (res) => {
    if (res.statusCode !== 200) {
      end(`status ${res.statusCode ?? 0}`);
      res.resume();
      return;
    }
    res.setEncoding('utf8');
    let buffer = '';
    let id: string | undefined;
    let event = 'message';
    res.on('data', (chunk: string) => {
      const at = wallMs();
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          const version = Number(id);
          if (event === 'board' && Number.isSafeInteger(version) && !seen.has(version)) {
            seen.add(version);
            log.received.push([version, at]);
            settle(true);
          }
          event = 'message';
          continue;
        }
        const colon = line.indexOf(':');
        if (colon === 0) continue; // a comment: the heartbeat
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') id = value;
        else if (field === 'event') event = value;
      }
    });
    res.on('end', () => end('closed by the server'));
    res.on('error', (error) => end(`stream: ${error.message}`));
  });
  req.end();
  return { log, request: req, first };
}

async function openAll(url: string, boards: readonly number[]): Promise<Stream[]> {
  const streams: Stream[] = [];
  for (let i = 0; i < boards.length; i += openingAtOnce) {
    const batch = boards.slice(i, i + openingAtOnce).map((board) => openStream(url, board));
    await Promise.all(batch.map((s) => s.first));
    streams.push(...batch);
  }
  return streams;
}

function main(): void {
  const send = (message: SubscriberMessage) => process.send?.(message);
  let streams: Stream[] = [];
  process.on('message', (command: SubscriberCommand) => {
    if (command.type === 'open') {
      void openAll(command.url, command.boards).then((opened) => {
        streams = opened;
        const failed = opened.filter((s) => s.log.ended !== undefined).length;
        send({ type: 'ready', open: opened.length - failed, failed });
      });
    } else {
      stopping = true;
      send({ type: 'result', logs: streams.map((s) => s.log) });
      for (const s of streams) s.request.destroy();
      // Not exiting here: an exit can overtake a large message still in the IPC pipe. The
      // parent kills this process once the result has arrived.
    }
  });
}

main();
