// The WHATWG Server-Sent Events wire format (https://html.spec.whatwg.org/#event-stream-interpretation).

/** Any of the three line breaks the format knows ends a field, so data is split on all of them. */
const lineBreak = /\r\n|\r|\n/;

/**
 * One event: `event:`, `id:` and one `data:` line per line of `data`, then the blank line that
 * dispatches it. Rendered once per change and written as is to every subscriber.
 */
export function sseEvent(event: string, id: number, data: string): string {
  const lines = data
    .split(lineBreak)
    .map((line) => `data: ${line}\n`)
    .join('');
  return `event: ${event}\nid: ${id}\n${lines}\n`;
}

/** A comment line: clients ignore it, proxies see traffic and keep the stream open. */
export const sseHeartbeat = ': heartbeat\n\n';

/** The reconnection delay a client should wait after the stream drops. */
export function sseRetry(ms: number): string {
  return `retry: ${Math.round(ms)}\n\n`;
}
