import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

type HttpLabel = 'method' | 'route' | 'status';

/**
 * The server's Prometheus metrics, in a registry of its own so that several servers in one
 * process (tests) never clash over metric names.
 * @category Adapters
 */
export interface ServerMetrics {
  readonly registry: Registry;
  /** Requests answered; derived from {@link duration}'s counts when scraped. */
  readonly requests: Counter<HttpLabel>;
  readonly duration: Histogram<HttpLabel>;
  /** Booking attempts by outcome: `created` or the error code that refused it. */
  readonly bookings: Counter<'outcome'>;
  /** Records one answered request: its count and latency, by method, route template and status. */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
}

/** Creates the registry with the HTTP, booking and process metrics. */
export function createMetrics(): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'doctorly_' });
  const duration = new Histogram({
    name: 'doctorly_http_request_duration_seconds',
    help: 'HTTP request latency in seconds, by method, route template and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const requests = new Counter({
    name: 'doctorly_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
    // The histogram counts every request already: the counter is copied from it when scraped
    // rather than kept beside it, which cost a second label hash on every request.
    async collect() {
      const { values } = await duration.get();
      this.reset();
      for (const { metricName, labels, value } of values) {
        if (metricName === 'doctorly_http_request_duration_seconds_count')
          this.inc(labels as Partial<Record<HttpLabel, string>>, value);
      }
    },
  });
  const labels = new LabelCache();
  return {
    registry,
    requests,
    duration,
    bookings: new Counter({
      name: 'doctorly_bookings_total',
      help: 'Booking attempts, by outcome (created, or the error code that refused it).',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    observeRequest: (method, route, status, seconds) =>
      duration.observe(labels.of(method, route, status), seconds),
  };
}

/**
 * One label object per (route, method, status), made once: the routes are a fixed set and
 * unmatched paths share one label, so this stays small.
 */
type Labels = Record<HttpLabel, string>;

class LabelCache {
  private readonly byRoute = new Map<string, Map<string, Map<number, Labels>>>();

  of(method: string, route: string, status: number): Labels {
    let byMethod = this.byRoute.get(route);
    if (byMethod === undefined)
      this.byRoute.set(route, (byMethod = new Map<string, Map<number, Labels>>()));
    let byStatus = byMethod.get(method);
    if (byStatus === undefined) byMethod.set(method, (byStatus = new Map<number, Labels>()));
    let labels = byStatus.get(status);
    if (labels === undefined)
      byStatus.set(status, (labels = { method, route, status: String(status) }));
    return labels;
  }
}
