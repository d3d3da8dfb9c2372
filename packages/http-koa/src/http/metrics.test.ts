import { describe, expect, it } from 'vitest';
import { createMetrics } from './metrics.js';

describe('server metrics', () => {
  it('counts requests and their latency by method, route and status; the counter follows the histogram', async () => {
    const metrics = createMetrics();
    metrics.observeRequest('GET', '/doctors/get/:id', 200, 0.002);
    metrics.observeRequest('GET', '/doctors/get/:id', 200, 0.03);
    metrics.observeRequest('GET', '/doctors/get/:id', 404, 0.001);
    metrics.observeRequest('POST', '/patient/new_appointment', 201, 0.2);
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'doctorly_http_requests_total{method="GET",route="/doctors/get/:id",status="200"} 2',
    );
    expect(text).toContain(
      'doctorly_http_requests_total{method="GET",route="/doctors/get/:id",status="404"} 1',
    );
    expect(text).toContain(
      'doctorly_http_requests_total{method="POST",route="/patient/new_appointment",status="201"} 1',
    );
    expect(text).toContain(
      'doctorly_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/doctors/get/:id",status="200"} 1',
    );
    expect(text).toContain(
      'doctorly_http_request_duration_seconds_count{method="GET",route="/doctors/get/:id",status="200"} 2',
    );
    // Scraped again, the counter is not counted twice.
    metrics.observeRequest('GET', '/doctors/get/:id', 200, 0.002);
    expect(await metrics.registry.metrics()).toContain(
      'doctorly_http_requests_total{method="GET",route="/doctors/get/:id",status="200"} 3',
    );
  });
});
