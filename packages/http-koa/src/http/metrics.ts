import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The server's Prometheus metrics, in a registry of its own so that several servers in one
 * process (tests) never clash over metric names.
 * @category Adapters
 */
export interface ServerMetrics {
  readonly registry: Registry;
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly duration: Histogram<'method' | 'route' | 'status'>;
  /** Booking attempts by outcome: `created` or the error code that refused it. */
  readonly bookings: Counter<'outcome'>;
}

/** Creates the registry with the HTTP, booking and process metrics. */
export function createMetrics(): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'doctorly_' });
  return {
    registry,
    requests: new Counter({
      name: 'doctorly_http_requests_total',
      help: 'HTTP requests answered, by method, route template and status.',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'doctorly_http_request_duration_seconds',
      help: 'HTTP request latency in seconds, by method, route template and status.',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    bookings: new Counter({
      name: 'doctorly_bookings_total',
      help: 'Booking attempts, by outcome (created, or the error code that refused it).',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
  };
}
