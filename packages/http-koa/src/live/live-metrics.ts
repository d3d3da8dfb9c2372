import { Counter, Gauge } from 'prom-client';
import type { ServerMetrics } from '../http/metrics.js';
import type { LiveHub, StreamKind } from './live-hub.js';

/**
 * Adds the live streams to the server's metrics: open streams by kind, sittings watched,
 * and streams dropped for not reading. Read from the hub when scraped, so streaming costs
 * no metric update per event.
 */
export function registerLiveMetrics(metrics: ServerMetrics, hub: LiveHub): void {
  new Gauge<'kind'>({
    name: 'doctorly_live_streams_open',
    help: 'Open Server-Sent Events streams, by kind (board, appointment).',
    labelNames: ['kind'] as const,
    registers: [metrics.registry],
    collect() {
      const counts = hub.openStreams();
      for (const kind of Object.keys(counts) as StreamKind[]) this.set({ kind }, counts[kind]);
    },
  });
  new Gauge({
    name: 'doctorly_live_sittings_watched',
    help: 'Sittings this process holds a change subscription for (one per sitting, however many streams).',
    registers: [metrics.registry],
    collect() {
      this.set(hub.watchedSittings);
    },
  });
  new Counter({
    name: 'doctorly_live_streams_dropped_total',
    help: 'Streams closed because their client stopped reading and the buffer limit was reached.',
    registers: [metrics.registry],
    collect() {
      this.reset();
      this.inc(hub.dropped);
    },
  });
}
