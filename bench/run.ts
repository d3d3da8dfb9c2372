// `npm run bench`: Doctorly under load (issue 9). Creates a fresh database on the DATABASE_URL
// server (or, without it, the embedded PGlite in a scratch DATA_DIR), loads demo data with the
// CLI, starts the servers as child processes, drives them over HTTP with autocannon, checks
// what booking wrote, prints a markdown table and writes it to bench/results/<date>.md and
// .json, then drops the database. See bench/README.md.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createBenchDatabase, type BenchDatabase } from './database.js';
import { createEmbeddedBenchDatabase } from './embedded-database.js';
import { call, createContendedSlot, createUsers } from './fixtures.js';
import { measureDatabaseCpu } from './load.js';
import { parseOptions, scenarioNames, type BenchOptions } from './options.js';
import {
  buildServers,
  productionNodeFlags,
  runCommand,
  startServer,
  type ChildServer,
} from './processes.js';
import { renderMarkdown, writeReport, type BenchReport, type Row } from './report.js';
import { assertFreshPrefix, clearRedis } from './redis.js';
import { checkBooking, driveBooking } from './scenarios/booking.js';
import { checkContention, driveContention } from './scenarios/contention.js';
import { benchEmbedded } from './scenarios/embedded.js';
import {
  fillCache,
  measureAgainstCeiling,
  measureDoctorRead,
  measureSearches,
  random,
  searchLatencyLoad,
  type SearchInputs,
} from './scenarios/reads.js';
import { besideEachOther, measureRedisSearch } from './scenarios/redis-search.js';
import { runLive } from './scenarios/live.js';
import { judge } from './targets.js';

const log = (line: string) =>
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const serverUrl = process.env.DATABASE_URL || undefined;
  log(
    'building the servers (tsc -b bench/tsconfig.servers.json): they run from dist/ with plain node, as in production',
  );
  const entries = await buildServers(process.env);
  const startedAt = new Date().toISOString();
  const scratch = mkdtempSync(join(tmpdir(), 'doctorly-bench-'));
  let db: BenchDatabase;
  try {
    // Without DATABASE_URL, the embedded default: PGlite in the servers' DATA_DIR.
    db = serverUrl
      ? await createBenchDatabase(serverUrl)
      : createEmbeddedBenchDatabase(join(scratch, 'data'));
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  measureDatabaseCpu(() => db.backendCpuMs());
  const servers: ChildServer[] = [];
  log(
    `database ${db.engine === 'pglite' ? 'embedded PGlite (no DATABASE_URL)' : db.name}; scratch ${scratch}`,
  );
  try {
    const report = await benchmark(options, db, scratch, servers, startedAt, entries);
    const markdown = renderMarkdown(report);
    const files = writeReport(options.out, report);
    console.log(markdown);
    log(`written ${files.md} and ${files.json}`);
  } finally {
    await Promise.all(servers.map((s) => s.stop().catch(() => undefined)));
    await db.drop().catch((error: unknown) => log(`could not drop ${db.name}: ${String(error)}`));
    await clearRedis(process.env.REDIS_URL, `${db.name}:`, log);
    await clearRedis(process.env.REDIS_SEARCH_URL, `${db.name}:`, log);
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function benchmark(
  options: BenchOptions,
  db: BenchDatabase,
  scratch: string,
  servers: ChildServer[],
  startedAt: string,
  entries: Awaited<ReturnType<typeof buildServers>>,
): Promise<BenchReport> {
  const redisUrl = process.env.REDIS_URL;
  const searchUrl = process.env.REDIS_SEARCH_URL;
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `${db.name}:`,
    SEARCH_ENGINE: 'postgres',
    JWT_SECRET: randomBytes(32).toString('hex'),
    PASSWORD_HASH_COST: 'test',
    LOG_LEVEL: options.logLevel,
    DATA_DIR: join(scratch, 'data'),
    DEMO_DATA: 'false',
    RATE_LIMIT_LOGIN_ACCOUNT: '1000000',
    RATE_LIMIT_LOGIN_ADDRESS: '1000000',
    // The bench books far more than 20 places per account; the limit is still checked (its
    // lock and count are part of every booking's cost), just never reached.
    MAX_ACTIVE_APPOINTMENTS_PER_USER: '100000',
    ...db.env,
  };
  // The servers' heap limit as the Dockerfile sets it (productionNodeFlags): on a large machine
  // V8 otherwise lets garbage grow the heap far past what the server keeps alive (~50 MB).
  const nodeFlags = [
    ...productionNodeFlags,
    ...(process.env.BENCH_SERVER_NODE_FLAGS ? process.env.BENCH_SERVER_NODE_FLAGS.split(' ') : []),
    ...(options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${join(options.out, 'profiles')}`] : []),
  ];
  const start = async (
    name: string,
    extra: Record<string, string | undefined>,
    entry = entries.doctorly,
  ) => {
    log(`starting ${name}`);
    await db.release(); // PGlite: the server opens it, so the harness lets go first.
    const server = await startServer({
      name,
      entry,
      env: { ...env, ...extra },
      readyPath: entry.includes('bare') ? '/' : '/readyz',
      nodeFlags: entry.includes('bare') ? [] : nodeFlags,
    });
    servers.push(server);
    return server;
  };
  // The embedded default exactly as `npm start` runs it (tsx over the sources), with none of
  // the bench's variables: only DATA_DIR (a scratch folder), and the log level.
  const startUserServer = async (name: string, extra: Record<string, string | undefined>) => {
    log(`starting ${name}`);
    const server = await startServer({
      name,
      entry: 'packages/http-koa/src/main.ts',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...extra },
      readyPath: '/readyz',
      livePath: '/healthz',
      nodeFlags: ['--conditions=@doctorly/source', '--import', 'tsx'],
    });
    servers.push(server);
    return server;
  };
  const stop = async (server: ChildServer) => {
    servers.splice(servers.indexOf(server), 1);
    return await server.stop();
  };
  const warmSeconds = Math.max(2, Math.min(5, options.duration / 2));
  /** How many alternating rounds the cached read and the ceiling are measured in (see measureAgainstCeiling). */
  const ceilingRounds = 3;
  const load = { connections: options.connections, seconds: options.duration, warmSeconds };
  const want = (s: string) => options.scenarios.includes(s as never);
  const loadBefore = loadavg();
  const rows: Row[] = [];
  const memory: Record<string, number | undefined> = {};
  const notes: string[] = [
    `Doctorly servers run with ${productionNodeFlags.join(' ')}, as the Dockerfile starts them.`,
    'Bench servers run with PASSWORD_HASH_COST=test (tokens for the bench users come from /auth/get_token; the login cost is not what is measured), login rate limits raised, and MAX_ACTIVE_APPOINTMENTS_PER_USER raised so that the per-account limit is checked on every booking but never reached.',
    `Servers log at LOG_LEVEL=${options.logLevel} (at info, the access log writes one JSON line per request).`,
    '"cache off" is the same server with a cache that never hits (bench/doctorly-server.ts, BENCH_CACHE=off): every read goes to PostgreSQL; ' +
      (redisUrl
        ? 'Redis still holds token revocations and rate limits.'
        : db.engine === 'pglite'
          ? 'token revocations are held in process memory (the embedded default: written through to PGlite, loaded at start) and rate limits too (no REDIS_URL), as on the cache-on server.'
          : 'token revocations are in PostgreSQL and rate limits in process memory (no REDIS_URL), as on the cache-on server.'),
    `Every Doctorly request is authenticated (JWT verify, remembered per token; revocation check in ${redisUrl ? 'Redis' : db.engine === 'pglite' ? 'process memory' : 'PostgreSQL'}; the user's id and role read through the cache, from PostgreSQL on the cache-off server).`,
    'Servers run from the compiled dist/ with plain node, as in production (built at the start of the run), not through tsx.',
  ];
  if (db.engine === 'pglite') {
    notes.push(
      'Database: the embedded PGlite (no DATABASE_URL) in a scratch DATA_DIR, running inside each server process: its CPU counts as server CPU, ' +
        'so the PostgreSQL CPU column is empty (–). The servers open it one after the other; booking and contention are checked once the cache-on server has stopped. ' +
        'The targets are set for a PostgreSQL server and Redis: judged on the embedded default (one connection, no Redis), they say how far it is from them, not whether the server setup meets them.',
    );
  }

  let embeddedRows: Row[] = [];
  let embedded: BenchReport['embedded'];
  if (want('embedded') && db.engine === 'pglite') {
    log(
      'embedded default as a user meets it: npm start, no variables, a new data folder, demo data',
    );
    embedded = await benchEmbedded(
      join(scratch, 'embedded'),
      scratch,
      (name, extra, kind) =>
        kind === 'bare'
          ? start(name, extra, entries.bareKoa)
          : startUserServer(name, { ...extra, LOG_LEVEL: options.logLevel }),
      stop,
      {
        connections: options.connections,
        rounds: ceilingRounds,
        roundSeconds: Math.max(2, Math.round(options.duration / 2)),
        warmSeconds,
      },
    );
    const percents = embedded.cached.shares.map((share) => (share * 100).toFixed(0)).join(', ');
    embeddedRows = [
      {
        scenario: `GET /doctors/get/{id}, ${embedded.doctors} demo doctors`,
        server: 'embedded default (npm start, no variables)',
        result: embedded.cached.server,
        note: `${(embedded.cached.share * 100).toFixed(0)} % of ceiling (median of ${ceilingRounds} rounds: ${percents} %)`,
      },
      {
        scenario: 'bare Koa, the same demo doctor body',
        server: 'ceiling',
        result: embedded.cached.ceiling,
        note: 'alternating with the embedded cached read',
      },
    ];
    notes.push(
      'Embedded default: the server runs as `npm start` does (tsx compiling the TypeScript sources at start, about 70 MB of RSS in its loader thread and most of the start-up time on a busy machine), with no variable but DATA_DIR, PORT, HOST and LOG_LEVEL; times are from the spawn. Its peak RSS includes one login at the OWASP password cost (scrypt N=2^14, r=8, p=5: 16 MiB while it runs).',
    );
  } else if (want('embedded')) {
    notes.push(
      'Embedded default not measured: DATABASE_URL is set (run without it to measure it).',
    );
  }

  const makeReport = (): BenchReport => ({
    startedAt,
    command: [
      'npm run bench',
      ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : []),
    ].join(' '),
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model ?? 'unknown',
      memoryGiB: totalmem() / 2 ** 30,
      node: process.version,
      loadBefore,
      loadAfter: [],
    },
    settings: {
      duration: options.duration,
      connections: options.connections,
      doctors: options.doctors,
      scenarios: options.scenarios.join('+'),
      warmUp: `${warmSeconds}s`,
    },
    rows,
    memory,
    targets: [],
    notes,
    ...(embedded && { embedded }),
  });

  if (!scenarioNames.some((name) => name !== 'embedded' && want(name))) {
    rows.push(...embeddedRows);
    const report = makeReport();
    report.machine.loadAfter = loadavg();
    report.targets.push(
      ...judge(report, {
        cached: undefined,
        uncached: undefined,
        cachedShare: undefined,
        searches: [],
      }),
    );
    return report;
  }

  log(`loading ${options.doctors} doctors with the CLI (demo-data)`);
  const loaded = await runCommand(
    process.execPath,
    [entries.cli, 'demo-data', '--doctors', String(options.doctors)],
    { ...env, REDIS_URL: undefined },
  );
  notes.push(`Data: ${loaded.split('\n').find((l) => l.startsWith('Loaded')) ?? loaded.trim()}`);
  const doctorIds = (await db.rows<{ id: number }>('SELECT id FROM doctors ORDER BY id')).map(
    (r) => r.id,
  );
  const slotIds = (await db.rows<{ id: number }>('SELECT id FROM slots ORDER BY id')).map(
    (r) => r.id,
  );
  const inputs = await searchInputs(db);

  await assertFreshPrefix(redisUrl, `${db.name}:`);
  if (redisUrl)
    notes.push(
      'Redis starts fresh (a prefix of its own, checked empty before the first server starts: no revocation marker, nothing set by hand): the revocation store fills it from PostgreSQL on its first requests (docs/adr/0012), as on every new deployment or Redis restart.',
    );
  const cachedServer = await start('doctorly (cache on)', {});
  const users = await createUsers(
    cachedServer.url,
    db.name,
    Math.ceil(Math.max(options.contenders, 500) / 5),
    5,
  );
  const token = users[0]!.token;
  const sample = await call<unknown>(cachedServer.url, 'GET', `/doctors/get/${doctorIds[0]!}`, {
    token,
  });
  const bodyFile = join(scratch, 'doctor.json');
  writeFileSync(bodyFile, JSON.stringify(sample));
  const cacheLabel = redisUrl ? 'cache on (Redis)' : 'cache on (in-process: no REDIS_URL)';
  let cached: Row | undefined;
  let ceiling: Row | undefined;
  let cachedShare: number | undefined;
  if (want('doctor-read')) {
    log('doctor read, cache on: filling the cache with every doctor');
    await fillCache(cachedServer.url, doctorIds, token, options.connections);
    const bare = await start('bare Koa', { BENCH_BODY_FILE: bodyFile }, entries.bareKoa);
    const rounds = {
      rounds: ceilingRounds,
      roundSeconds: Math.max(2, Math.round(options.duration / 2)),
    };
    log(
      `doctor read, cache on, against the bare Koa ceiling: ${rounds.rounds} alternating rounds of ${rounds.roundSeconds} s each`,
    );
    const measured = await measureAgainstCeiling(cachedServer, bare, doctorIds, token, {
      ...rounds,
      connections: options.connections,
      warmSeconds,
    });
    await stop(bare);
    cachedShare = measured.share;
    const percents = measured.shares.map((share) => (share * 100).toFixed(0)).join(', ');
    cached = {
      scenario: 'GET /doctors/get/{id}, random ids',
      server: cacheLabel,
      result: measured.server,
      note: `${(measured.share * 100).toFixed(0)} % of ceiling (median of ${rounds.rounds} rounds: ${percents} %)`,
    };
    ceiling = {
      scenario: `bare Koa, fixed JSON body (${JSON.stringify(sample).length} B)`,
      server: 'ceiling',
      result: measured.ceiling,
      note: `alternating with the cached read, ${rounds.rounds} rounds of ${rounds.roundSeconds} s`,
    };
    rows.push(cached);
  }
  const report = makeReport();
  // A PostgreSQL server is checked right after each scenario, the server still running; PGlite
  // only once the server has stopped and let go of it (one process at a time).
  const checksAfterStop: Array<() => Promise<void>> = [];
  const check = async (work: () => Promise<void>): Promise<void> => {
    if (db.engine === 'pglite') checksAfterStop.push(work);
    else await work();
  };
  if (want('booking')) {
    log('booking across sittings');
    const booking = await driveBooking(cachedServer.url, users, slotIds, {
      ...load,
      cpuMs: cachedServer.cpuMs,
    });
    await check(async () => {
      report.booking = await checkBooking(db, booking);
    });
    rows.push({
      scenario: 'POST /patient/new_appointment, across sittings',
      server: cacheLabel,
      result: booking.load,
      note: `${Math.round(booking.bookedPerSecond)} booked/s`,
    });
  }
  if (want('contention')) {
    log(`contention: ${options.contenders} clients on one sitting of ${options.places} places`);
    const slot = await createContendedSlot(cachedServer.url, db.name, options.places);
    const contention = await driveContention(cachedServer.url, users, slot, options.contenders);
    await check(async () => {
      report.contention = await checkContention(db, contention);
    });
  }
  memory[cachedServer.name] = await stop(cachedServer);
  if (checksAfterStop.length > 0)
    log('checking booking and contention in PGlite (the server has stopped)');
  for (const work of checksAfterStop) await work();

  const searches: Row[] = [];
  let uncached: Row | undefined;
  if (want('doctor-read') || want('search')) {
    const uncachedServer = await start('doctorly (cache off)', { BENCH_CACHE: 'off' });
    if (want('doctor-read')) {
      log('doctor read, cache off');
      uncached = {
        scenario: 'GET /doctors/get/{id}, random ids',
        server: 'cache off (PostgreSQL)',
        result: await measureDoctorRead(uncachedServer.url, doctorIds, token, {
          ...load,
          cpuMs: uncachedServer.cpuMs,
        }),
      };
      rows.push(uncached);
    }
    if (want('search')) {
      log('search on PostgreSQL (cache off: the engine itself)');
      for (const { name, kind, result } of await measureSearches(
        uncachedServer.url,
        inputs,
        token,
        { ...load, cpuMs: uncachedServer.cpuMs },
      )) {
        searches.push({
          scenario: `GET /doctors/search: ${name}`,
          server: 'postgres engine, cache off',
          result,
          note: searchNote(kind, options.connections),
        });
      }
    }
    memory[uncachedServer.name] = await stop(uncachedServer);
  }
  if (want('search')) {
    const redisSearch = await measureRedisSearch({
      url: searchUrl,
      prefix: `${db.name}:`,
      doctors: () => db.count('SELECT count(*) AS n FROM doctors'),
      cli: async (args, extra) => {
        await db.release(); // PGlite: the CLI opens it.
        return await runCommand(process.execPath, [entries.cli, ...args], { ...env, ...extra });
      },
      start,
      stop,
      measure: async (server) =>
        (
          await measureSearches(server.url, inputs, token, {
            ...load,
            cpuMs: server.cpuMs,
          })
        ).map(({ name, kind, result }) => ({
          scenario: `GET /doctors/search: ${name}`,
          server: '',
          result,
          note: searchNote(kind, options.connections),
        })),
      log,
    });
    if (redisSearch.ran) {
      rows.push(...besideEachOther(searches, redisSearch.rows));
      memory[redisSearch.server] = redisSearch.peakRssMB;
      notes.push(...redisSearch.notes);
      searches.push(...redisSearch.rows);
    } else {
      rows.push(...searches);
      notes.push(`Redis Query Engine search rows not run: ${redisSearch.reason}.`);
    }
  } else rows.push(...searches);
  rows.push(...embeddedRows);

  if (want('live')) {
    const { subscribers, boards, changeRate } = options.live;
    log(`live: ${subscribers} SSE subscribers over ${boards} boards, ${changeRate} changes/s`);
    const liveServer = await start('doctorly (live)', {});
    const fanOut = redisUrl
      ? 'Redis pub/sub (REDIS_URL)'
      : db.engine === 'pglite'
        ? 'in-process (embedded PGlite)'
        : 'PostgreSQL LISTEN/NOTIFY (no REDIS_URL)';
    const live = await runLive(
      liveServer,
      db.name,
      { ...options.live, seconds: options.duration },
      fanOut,
    );
    report.live = live.outcome;
    rows.push(
      {
        scenario: `POST call / check_in / cancel, ${changeRate}/s over ${boards} live boards`,
        server: fanOut,
        result: live.rows.changes,
        note: 'latency from when each change was due to its answer',
      },
      {
        scenario: `SSE board events to ${subscribers.toLocaleString('en-US')} subscribers`,
        server: fanOut,
        result: live.rows.deliveries,
        note: `deliveries/s; latency from the change's answer to receipt; errors = lost; ${live.outcome.rssPerThousandMB?.toFixed(1) ?? '?'} MB RSS per 1,000 subscribers`,
      },
    );
    notes.push(
      `Live: the ${live.outcome.subscriberProcesses} subscriber process(es), the harness${db.engine === 'pglite' ? '' : ', PostgreSQL'}${redisUrl ? ', Redis' : ''} and the server share this machine's ${cpus().length} cores: the subscribers run in processes of their own so that parsing their streams does not steal the server's event loop, but not on cores of their own.`,
    );
    memory[liveServer.name] = await stop(liveServer);
  }

  if (ceiling) {
    rows.push(ceiling);
    const share = (row: Row) =>
      `${((row.result.requestsPerSecond / ceiling.result.requestsPerSecond) * 100).toFixed(0)} % of ceiling`;
    if (uncached)
      Object.assign(uncached, {
        note: `${share(uncached)}; cached/uncached = ${cached ? (cached.result.requestsPerSecond / uncached.result.requestsPerSecond).toFixed(2) : '–'}×`,
      });
  }
  report.machine.loadAfter = loadavg();
  report.targets.push(...judge(report, { cached, uncached, cachedShare, searches }));
  return report;
}

function searchNote(kind: 'throughput' | 'latency', connections: number): string {
  return kind === 'throughput'
    ? `throughput: ${connections} connections flat out`
    : `latency: steady ${searchLatencyLoad.requestsPerSecond} req/s over ${searchLatencyLoad.connections} connections`;
}

/** Words of doctors' names and every specialization: what the search scenarios pick from. */
async function searchInputs(db: BenchDatabase): Promise<SearchInputs> {
  const names = (
    await db.rows<{ name: string }>('SELECT name FROM doctors ORDER BY id LIMIT 2000')
  ).map((r) => r.name);
  const words = [
    ...new Set(
      names.flatMap((n) => n.toLowerCase().split(/[^\p{L}]+/u)).filter((w) => w.length >= 3),
    ),
  ];
  const next = random(5);
  const sampled = Array.from(
    { length: Math.min(300, words.length) },
    () => words[Math.floor(next() * words.length)]!,
  );
  const specializations = (
    await db.rows<{ name: string }>('SELECT name FROM specializations ORDER BY id')
  ).map((r) => r.name);
  return { names: sampled, specializations };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
