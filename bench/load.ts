import autocannon from 'autocannon';

/** What one measured load run gave. Latencies in milliseconds. */
export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
  /** Requests sent but not answered when the run stopped (their effects may still land). */
  readonly inFlight: number;
  readonly durationSeconds: number;
  readonly non2xx: number;
  /** Socket errors and timeouts. */
  readonly errors: number;
  readonly statusCodes: Record<string, number>;
  /** CPU the server process spent per answered request (ms), when the caller could sample it. */
  readonly serverCpuMsPerRequest?: number;
  /** CPU PostgreSQL's backends of the bench database spent per answered request (ms), when on this machine. */
  readonly databaseCpuMsPerRequest?: number;
}

/** Samples the CPU of the database's backends by pid (see {@link measureDatabaseCpu}). */
type DatabaseCpuProbe = () => Promise<Map<number, number> | undefined>;
let databaseCpu: DatabaseCpuProbe | undefined;

/**
 * Makes every later {@link drive} also measure the CPU that PostgreSQL spent on the run: the
 * bench has one database, and its backends serve whichever server is measured. A backend
 * that connects during a run counts from zero; one that exits during it is not counted (the
 * servers' pools keep their connections while they are busy).
 */
export function measureDatabaseCpu(probe: DatabaseCpuProbe): void {
  databaseCpu = probe;
}

function cpuSpentSince(
  before: Map<number, number> | undefined,
  after: Map<number, number> | undefined,
): number | undefined {
  if (!before || !after) return undefined;
  let spent = 0;
  for (const [pid, ms] of after) spent += ms - (before.get(pid) ?? 0);
  return spent;
}

/**
 * Starts counting the CPU of the server (`cpuMs`) and of the database's backends; `spent()`
 * stops and gives the per-request figures of a {@link LoadResult}.
 */
export async function sampleCpu(cpuMs: (() => number) | undefined): Promise<{
  spent(): Promise<{
    perRequest(
      requests: number,
    ): Pick<LoadResult, 'serverCpuMsPerRequest' | 'databaseCpuMsPerRequest'>;
  }>;
}> {
  const serverBefore = cpuMs?.();
  const databaseBefore = await databaseCpu?.();
  return {
    async spent() {
      const serverAfter = cpuMs?.();
      const database = cpuSpentSince(databaseBefore, await databaseCpu?.());
      const server =
        serverBefore !== undefined && serverAfter !== undefined
          ? serverAfter - serverBefore
          : undefined;
      return {
        perRequest: (requests: number) => ({
          ...(server !== undefined && { serverCpuMsPerRequest: server / Math.max(1, requests) }),
          ...(database !== undefined && {
            databaseCpuMsPerRequest: database / Math.max(1, requests),
          }),
        }),
      };
    },
  };
}

/** One request template: `next()` gives each request its own path, headers and body. */
export interface LoadPlan {
  readonly method?: 'GET' | 'POST';
  readonly next: () => { path: string; headers?: Record<string, string>; body?: string };
  /** Called with every response (buffers bodies: only where the answer must be checked). */
  readonly onResponse?: (status: number, body: string) => void;
}

/**
 * Drives `url` with autocannon for `seconds` (or exactly `amount` requests) over
 * `connections` keep-alive connections, every request built by the plan.
 */
export async function drive(
  url: string,
  plan: LoadPlan,
  options: {
    connections: number;
    seconds?: number;
    amount?: number;
    cpuMs?: (() => number) | undefined;
  },
): Promise<LoadResult> {
  const cpu = await sampleCpu(options.cpuMs);
  const result = await autocannon({
    url,
    connections: options.connections,
    ...(options.amount === undefined
      ? { duration: options.seconds ?? 10 }
      : { amount: options.amount }),
    timeout: 30,
    requests: [
      {
        method: plan.method ?? 'GET',
        setupRequest: (request) => {
          const { path, headers, body } = plan.next();
          return {
            ...request,
            path,
            headers: {
              ...(body === undefined ? {} : { 'content-type': 'application/json' }),
              ...headers,
            },
            ...(body === undefined ? {} : { body }),
          };
        },
        ...(plan.onResponse && {
          onResponse: (status: number, body: string) => plan.onResponse?.(status, body),
        }),
      },
    ],
  });
  const statusCodes: Record<string, number> = {};
  const spent = await cpu.spent();
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
    statusCodes[code] = stat.count ?? 0;
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    inFlight: Math.max(0, result.requests.sent - result.requests.total),
    durationSeconds: result.duration,
    non2xx: result.non2xx,
    errors: result.errors,
    statusCodes,
    ...spent.perRequest(result.requests.total),
  };
}

/** Runs `plan` untimed for a while, to fill caches, JIT-compile hot paths and open pools. */
export async function warmUp(
  url: string,
  plan: LoadPlan,
  connections: number,
  seconds: number,
): Promise<void> {
  await drive(url, plan, { connections, seconds });
}

/**
 * Several runs of one plan as one result: totals and rates over all of them, CPU per request
 * weighted by requests, the median of the runs' p50 and the worst of their p99 (percentiles
 * of separate runs cannot be merged exactly; the worst p99 never flatters).
 */
export function combine(results: readonly LoadResult[]): LoadResult {
  if (results.length === 1) return results[0]!;
  const sum = (pick: (r: LoadResult) => number) => results.reduce((total, r) => total + pick(r), 0);
  const requests = sum((r) => r.requests);
  const durationSeconds = sum((r) => r.durationSeconds);
  const weighted = (pick: (r: LoadResult) => number | undefined) =>
    results.every((r) => pick(r) !== undefined)
      ? sum((r) => pick(r)! * r.requests) / Math.max(1, requests)
      : undefined;
  const statusCodes: Record<string, number> = {};
  for (const r of results)
    for (const [code, count] of Object.entries(r.statusCodes))
      statusCodes[code] = (statusCodes[code] ?? 0) + count;
  const server = weighted((r) => r.serverCpuMsPerRequest);
  const database = weighted((r) => r.databaseCpuMsPerRequest);
  return {
    requestsPerSecond: requests / durationSeconds,
    p50: median(results.map((r) => r.p50)),
    p99: Math.max(...results.map((r) => r.p99)),
    requests,
    durationSeconds,
    statusCodes,
    inFlight: Math.max(...results.map((r) => r.inFlight)),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    ...(server !== undefined && { serverCpuMsPerRequest: server }),
    ...(database !== undefined && { databaseCpuMsPerRequest: database }),
  };
}

/** The median of a non-empty list (the mean of the middle two for an even length). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
