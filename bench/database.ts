import pg from 'pg';
import { cpuMsOf } from './processes.js';

/**
 * The bench's own database, and a client to check results in it: a database created on the
 * DATABASE_URL server ({@link createBenchDatabase}), or the embedded PGlite in a scratch
 * DATA_DIR (`createEmbeddedBenchDatabase`).
 */
export interface BenchDatabase {
  readonly name: string;
  /** Variables that point the servers and the CLI at it: `DATABASE_URL`, or `DATA_DIR` for PGlite. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * `pglite`, the embedded default: one process at a time opens it, so the harness queries it
   * only while no server runs (the checks wait until the server stopped), and its CPU is the
   * server's. A PostgreSQL server is queried while the servers run.
   */
  readonly engine: 'postgres' | 'pglite';
  /** One number from a `SELECT … AS n`. */
  count(sql: string, params?: readonly unknown[]): Promise<number>;
  rows<T extends pg.QueryResultRow>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * Lets another process (a server, the CLI) open it: PGlite's handle in the harness is
   * closed, and the next query reopens it. Nothing to do on a server.
   */
  release(): Promise<void>;
  /**
   * CPU spent so far (ms, utime + stime from /proc) by each server backend connected to the
   * bench database, by pid (none while the servers' pools are idle); `undefined` when
   * PostgreSQL runs on another machine (or in a container whose processes this one cannot
   * see), and on PGlite, which runs inside the server process.
   */
  backendCpuMs(): Promise<Map<number, number> | undefined>;
  /** Closes the client and drops the database (PGlite: deletes its folder). */
  drop(): Promise<void>;
}

/** `doctorly_bench_<timestamp>`: the database's name, and the bench's Redis prefix and user tag. */
export function benchDatabaseName(): string {
  return `doctorly_bench_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
}

/** Creates `doctorly_bench_<ts>` on the server of `serverUrl` (which is left untouched otherwise). */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = benchDatabaseName();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  const url = target.toString();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let dropped: Promise<void> | undefined;
  return {
    name,
    env: { DATABASE_URL: url },
    engine: 'postgres',
    count: async (sql, params) =>
      Number((await client.query<{ n: string }>(sql, params as unknown[])).rows[0]?.n ?? NaN),
    rows: async <T extends pg.QueryResultRow>(sql: string, params?: readonly unknown[]) =>
      (await client.query<T>(sql, params as unknown[])).rows,
    release: () => Promise.resolve(),
    backendCpuMs: async () => {
      const { rows } = await client.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
      // This client's own backend tells whether the server's processes are visible here at all.
      const [own] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
      if (own === undefined || Number.isNaN(cpuMsOf(own.pid))) return undefined;
      return new Map(
        rows.map(({ pid }) => [pid, cpuMsOf(pid)] as const).filter(([, ms]) => !Number.isNaN(ms)),
      );
    },
    drop: () =>
      (dropped ??= (async () => {
        await client.end().catch(() => {});
        const again = new pg.Client({ connectionString: serverUrl });
        await again.connect();
        try {
          // Servers stopped already; WITH (FORCE) also ends any connection a crash left behind.
          await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await again.end();
        }
      })()),
  };
}
