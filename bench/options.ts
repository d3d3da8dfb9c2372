import { parseArgs } from 'node:util';

/** Every scenario the bench knows, in the order it runs them. */
export const scenarioNames = [
  'embedded',
  'doctor-read',
  'search',
  'booking',
  'contention',
  'live',
] as const;
/** One scenario of the bench. */
export type ScenarioName = (typeof scenarioNames)[number];

/** What `npm run bench -- …` was asked to do. */
export interface BenchOptions {
  /** Seconds of measured load per scenario. */
  readonly duration: number;
  /** Concurrent HTTP connections of the load generator. */
  readonly connections: number;
  /** Doctors loaded by `demo-data`. */
  readonly doctors: number;
  readonly scenarios: readonly ScenarioName[];
  /** Folder the results (`<date>.md`, `<date>.json`) are written to. */
  readonly out: string;
  /** Clients of the contention round (all on one sitting). */
  readonly contenders: number;
  /** Places of the contended sitting. */
  readonly places: number;
  /** The servers' LOG_LEVEL (the access log at `info` costs a JSON line per request). */
  readonly logLevel: string;
  /** Run the Doctorly servers with `node --cpu-prof` (profiles land in `<out>/profiles`). */
  readonly cpuProf: boolean;
  /** The live scenario: SSE subscribers, over how many boards, status changes per second. */
  readonly live: { subscribers: number; boards: number; changeRate: number };
}

const usage = `Usage: npm run bench -- [options]

  --duration <s>       seconds of load per scenario (default 10)
  --connections <n>    concurrent connections (default 50)
  --doctors <n>        doctors loaded with the CLI's demo-data (default 10000)
  --scenarios <list>   comma list of ${scenarioNames.join(', ')} (default all)
  --out <dir>          results folder (default bench/results)
  --contenders <n>     clients racing for one sitting (default 300)
  --places <n>         places of that sitting (default 100, at most 200)
  --log-level <level>  servers' LOG_LEVEL (default warn)
  --cpu-prof           profile the Doctorly servers (node --cpu-prof)
  --subscribers <n>    live: SSE subscribers (default 2000)
  --boards <n>         live: sittings they watch (default 50)
  --change-rate <n>    live: status changes per second (default 20)

DATABASE_URL (a PostgreSQL server: a fresh database doctorly_bench_<ts> is created on it and
dropped at the end) and REDIS_URL (the cache) are optional: without DATABASE_URL the servers
run on the embedded PGlite in a scratch DATA_DIR (one at a time; the checks run after the
server stopped; no PostgreSQL CPU column), without REDIS_URL with the in-process cache.
REDIS_SEARCH_URL (a Redis with the Query Engine) adds the Redis search engine.`;

function positive(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`--${name} expects a positive number, got "${value}"`);
  return n;
}

/** Parses the command line; prints usage and exits on `--help`. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      duration: { type: 'string' },
      connections: { type: 'string' },
      doctors: { type: 'string' },
      scenarios: { type: 'string' },
      out: { type: 'string' },
      contenders: { type: 'string' },
      places: { type: 'string' },
      'log-level': { type: 'string' },
      'cpu-prof': { type: 'boolean' },
      subscribers: { type: 'string' },
      boards: { type: 'string' },
      'change-rate': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const scenarios = (values.scenarios ?? scenarioNames.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const s of scenarios) {
    if (!(scenarioNames as readonly string[]).includes(s))
      throw new Error(`Unknown scenario "${s}" (known: ${scenarioNames.join(', ')})`);
  }
  const places = Math.round(positive(values.places, 'places', 100));
  if (places > 200) throw new Error('--places is at most 200 (the schema allows no more)');
  return {
    duration: positive(values.duration, 'duration', 10),
    connections: Math.round(positive(values.connections, 'connections', 50)),
    doctors: Math.round(positive(values.doctors, 'doctors', 10_000)),
    scenarios: scenarioNames.filter((s) => scenarios.includes(s)),
    out: values.out ?? 'bench/results',
    contenders: Math.round(positive(values.contenders, 'contenders', 300)),
    places,
    logLevel: values['log-level'] ?? 'warn',
    cpuProf: values['cpu-prof'] ?? false,
    live: {
      subscribers: Math.round(positive(values.subscribers, 'subscribers', 2000)),
      boards: Math.round(positive(values.boards, 'boards', 50)),
      changeRate: positive(values['change-rate'], 'change-rate', 20),
    },
  };
}
