import { setTimeout as sleep } from 'node:timers/promises';
import { combine, drive, median, warmUp, type LoadPlan, type LoadResult } from '../load.js';
import { pace } from '../paced.js';

/** A deterministic pseudo-random generator (mulberry32): the same seed, the same requests. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** GET /doctors/get/{id} over ids picked at random, with a bearer token. */
export function doctorReadPlan(ids: readonly number[], token: string, seed = 1): LoadPlan {
  const next = random(seed);
  const headers = { authorization: `Bearer ${token}` };
  return {
    next: () => ({ path: `/doctors/get/${ids[Math.floor(next() * ids.length)]!}`, headers }),
  };
}

/** Reads every doctor once (so that later reads find a warm cache: the cache's steady state). */
export async function fillCache(
  url: string,
  ids: readonly number[],
  token: string,
  connections: number,
): Promise<void> {
  let i = 0;
  const headers = { authorization: `Bearer ${token}` };
  await drive(
    url,
    { next: () => ({ path: `/doctors/get/${ids[i++ % ids.length]!}`, headers }) },
    // Never more connections than requests (autocannon refuses): a dozen demo doctors, say.
    { connections: Math.min(connections, ids.length), amount: ids.length },
  );
}

/** Measures the random doctor read: a short warm-up, then one timed run. */
export async function measureDoctorRead(
  url: string,
  ids: readonly number[],
  token: string,
  options: { connections: number; seconds: number; warmSeconds: number; cpuMs?: () => number },
): Promise<LoadResult> {
  await warmUp(url, doctorReadPlan(ids, token, 7), options.connections, options.warmSeconds);
  return await drive(url, doctorReadPlan(ids, token, 1), {
    connections: options.connections,
    seconds: options.seconds,
    cpuMs: options.cpuMs,
  });
}

/** A server measured against the ceiling, round by round. */
export interface AgainstCeiling {
  readonly server: LoadResult;
  readonly ceiling: LoadResult;
  /** Each round's share of the ceiling (the server's req/s over the ceiling's, in that round). */
  readonly shares: readonly number[];
  /** The median of {@link shares}: what the target is judged on. */
  readonly share: number;
}

/**
 * Measures the random doctor read on `server` and the same requests on the bare Koa
 * `ceiling` in alternating rounds (server, ceiling, server, ceiling …), and judges the share
 * round by round. On a shared 2-core VM the ceiling of unchanged code moved between 10,500
 * and 40,000 req/s across runs minutes apart (issue 9): each round compares two measurements
 * taken seconds apart, and the median of the rounds' shares discounts one disturbed round.
 */
export async function measureAgainstCeiling(
  server: { url: string; cpuMs?: () => number },
  ceiling: { url: string; cpuMs?: () => number },
  ids: readonly number[],
  token: string,
  options: { connections: number; rounds: number; roundSeconds: number; warmSeconds: number },
): Promise<AgainstCeiling> {
  const serverRuns: LoadResult[] = [];
  const ceilingRuns: LoadResult[] = [];
  await warmUp(server.url, doctorReadPlan(ids, token, 7), options.connections, options.warmSeconds);
  await warmUp(
    ceiling.url,
    doctorReadPlan(ids, token, 7),
    options.connections,
    options.warmSeconds,
  );
  for (let round = 0; round < options.rounds; round += 1) {
    const plan = () => doctorReadPlan(ids, token, 1 + round);
    serverRuns.push(
      await drive(server.url, plan(), {
        connections: options.connections,
        seconds: options.roundSeconds,
        cpuMs: server.cpuMs,
      }),
    );
    ceilingRuns.push(
      await drive(ceiling.url, plan(), {
        connections: options.connections,
        seconds: options.roundSeconds,
        cpuMs: ceiling.cpuMs,
      }),
    );
  }
  const shares = serverRuns.map(
    (run, i) => run.requestsPerSecond / ceilingRuns[i]!.requestsPerSecond,
  );
  return {
    server: combine(serverRuns),
    ceiling: combine(ceilingRuns),
    shares,
    share: median(shares),
  };
}

/** The search queries of the bench, each a family of query strings. */
export interface SearchInputs {
  /** Words of doctors' names (first and last names). */
  readonly names: readonly string[];
  readonly specializations: readonly string[];
}

const days = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

/** The three searches the bench measures: by name, by specialization and weekday, and all three. */
export function searchPlans(
  inputs: SearchInputs,
  token: string,
): { name: string; plan: LoadPlan }[] {
  const headers = { authorization: `Bearer ${token}` };
  const pick = <T>(list: readonly T[], next: () => number) =>
    list[Math.floor(next() * list.length)]!;
  const make = (seed: number, query: (next: () => number) => Record<string, string>): LoadPlan => {
    const next = random(seed);
    return {
      next: () => ({
        path: `/doctors/search?${new URLSearchParams(query(next)).toString()}`,
        headers,
      }),
    };
  };
  return [
    { name: 'name', plan: make(11, (n) => ({ name: pick(inputs.names, n) })) },
    {
      name: 'specialization + weekday',
      plan: make(12, (n) => ({
        specialization: pick(inputs.specializations, n),
        day: pick(days, n),
      })),
    },
    {
      name: 'name + specialization + weekday',
      plan: make(13, (n) => ({
        name: pick(inputs.names, n),
        specialization: pick(inputs.specializations, n),
        day: pick(days, n),
      })),
    },
  ];
}

/** Pause between a flat-out run and the latency run that follows it. */
const settleMs = 3_000;

/**
 * The steady load at which search latency is judged: a busy site, not a saturated server.
 * Requests evenly spaced, open loop, latency from when each was due ({@link pace}).
 */
export const searchLatencyLoad = { connections: 5, requestsPerSecond: 100 } as const;

/**
 * Measures each search on one server: warm-up, then its throughput (all connections, as fast
 * as it answers: latency there is mostly queueing), then its latency at a steady
 * {@link searchLatencyLoad} (what the p99 target is judged on).
 */
export async function measureSearches(
  url: string,
  inputs: SearchInputs,
  token: string,
  options: { connections: number; seconds: number; warmSeconds: number; cpuMs?: () => number },
): Promise<{ name: string; kind: 'throughput' | 'latency'; result: LoadResult }[]> {
  const results: { name: string; kind: 'throughput' | 'latency'; result: LoadResult }[] = [];
  for (const { name, plan } of searchPlans(inputs, token)) {
    await warmUp(url, plan, options.connections, options.warmSeconds);
    results.push({
      name,
      kind: 'throughput',
      result: await drive(url, plan, {
        connections: options.connections,
        seconds: options.seconds,
        cpuMs: options.cpuMs,
      }),
    });
    // The flat-out run leaves requests queued in the server (its pool waits on PostgreSQL)
    // after the load generator stops: measured right away, the steady run's first requests
    // waited behind them and made its p99 (issue 9). Let the server drain first.
    await sleep(settleMs);
    results.push({
      name,
      kind: 'latency',
      result: await pace(url, plan, {
        connections: searchLatencyLoad.connections,
        rate: searchLatencyLoad.requestsPerSecond,
        seconds: options.seconds,
        cpuMs: options.cpuMs,
      }),
    });
  }
  return results;
}
