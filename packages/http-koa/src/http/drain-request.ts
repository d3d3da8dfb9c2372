import type { IncomingMessage } from 'node:http';

/** How much of an unread request body {@link drainRequest} reads and throws away at most. */
export interface DrainLimits {
  readonly maxBytes: number;
  readonly maxMs: number;
}

/**
 * Reads and discards what is left of a request body that was refused part-way (an upload
 * over the limit: the multipart parser stops reading and leaves the request paused). Node
 * does not drain a request that a parser had started to consume, so the connection would
 * stay paused, and the client's next request on it would never be read. Resolves `true` once
 * the body has ended within the limits; `false` means the rest is too much to wait for, and
 * the caller should answer with `Connection: close`.
 */
export function drainRequest(req: IncomingMessage, limits: DrainLimits): Promise<boolean> {
  if (req.complete || req.destroyed) return Promise.resolve(true);
  return new Promise((resolve) => {
    let seen = 0;
    const done = (drained: boolean) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onEnd).off('close', onEnd);
      resolve(drained);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > limits.maxBytes) done(false);
    };
    const onEnd = () => done(req.complete);
    const timer = setTimeout(() => done(false), limits.maxMs);
    req.on('data', onData).once('end', onEnd).once('error', onEnd).once('close', onEnd);
    req.unpipe();
    req.resume();
  });
}
