import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { sampleCpu, type LoadPlan, type LoadResult } from './load.js';

/** The value below which `share` of the sorted `values` lie (nearest rank). */
function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

/**
 * A steady, open-loop load: request i is due at start + i / `rate` seconds, whatever became of
 * the earlier ones, and is sent on one of at most `connections` keep-alive connections (it
 * waits for a free one). Its latency counts from the moment it was due, so time spent waiting
 * for a connection behind a slow answer counts too, as it would for a user.
 *
 * autocannon's own rate mode (8.0) measures something else: each connection sends its whole
 * share of a second back to back when the second starts, then idles (httpClient.js), so
 * "100 req/s over 5 connections" is five concurrent requests for part of every second; and it
 * corrects for coordinated omission with an expected interval of ceil(1 / rate-per-connection)
 * = 1 ms (run.js), so an answer of L ms also records L − 1 made-up samples of L − 1 … 1 ms.
 * Its p50 and p99 were those of bursts, inflated; found while chasing issue 9's search tail.
 */
export async function pace(
  url: string,
  plan: LoadPlan,
  options: {
    rate: number;
    connections: number;
    seconds: number;
    cpuMs?: (() => number) | undefined;
  },
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const cpu = await sampleCpu(options.cpuMs);
  const started = performance.now();
  const answers: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    answers.push(
      send(url, plan, agent).then(
        ({ status, body }) => {
          latencies.push(performance.now() - due);
          statusCodes[status] = (statusCodes[status] ?? 0) + 1;
          plan.onResponse?.(status, body);
        },
        () => {
          errors += 1;
        },
      ),
    );
  }
  await Promise.all(answers);
  const durationSeconds = (performance.now() - started) / 1000;
  const spent = await cpu.spent();
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const answered = latencies.length;
  return {
    requestsPerSecond: answered / durationSeconds,
    p50: Math.round(percentile(latencies, 0.5) * 10) / 10,
    p99: Math.round(percentile(latencies, 0.99) * 10) / 10,
    requests: answered,
    inFlight: 0,
    durationSeconds,
    non2xx: Object.entries(statusCodes)
      .filter(([code]) => !code.startsWith('2'))
      .reduce((n, [, count]) => n + count, 0),
    errors,
    statusCodes,
    ...spent.perRequest(answered),
  };
}

/** One request of the plan; resolves with its status and body once the answer has been read. */
function send(
  url: string,
  plan: LoadPlan,
  agent: Agent,
): Promise<{ status: number; body: string }> {
  const { path, headers, body } = plan.next();
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, url),
      {
        agent,
        method: plan.method ?? 'GET',
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(body);
  });
}
