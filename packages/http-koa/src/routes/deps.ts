import type { Runtime } from '@doctorly/runtime';
import type { ServerMetrics } from '../http/metrics.js';
import type { Presenter } from './present.js';

/** What the route modules need: the runtime's use cases and ports, metrics, the presenter. */
export interface RouteDeps {
  readonly runtime: Runtime;
  readonly metrics: ServerMetrics;
  readonly present: Presenter;
}
