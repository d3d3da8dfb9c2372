import pg from 'pg';
import { cpuMsOf } from './processes.js';

/** The bench's own database on the DATABASE_URL server, and a client to check results in it. */
export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
  /** One number from a `SELECT … AS n`. */
  count(sql: string, params?: readonly unknown[]): Promise<number>;
  rows<T extends pg.QueryResultRow>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * CPU spent so far (ms, utime + stime from /proc) by each server backend connected to the
   * bench database, by pid (none while the servers' pools are idle); `undefined` when
   * PostgreSQL runs on another machine (or in a container whose processes this one cannot see).
   */
  backendCpuMs(): Promise<Map<number, number> | undefined>;
  /** Closes the client and drops the database. */
  drop(): Promise<void>;
}

/** Creates `doctorly_bench_<ts>` on the server of `serverUrl` (which is left untouched otherwise). */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `doctorly_bench_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
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
    url,
    count: async (sql, params) => Number((await client.query<{ n: string }>(sql, params as unknown[])).rows[0]?.n ?? NaN),
    rows: async <T extends pg.QueryResultRow>(sql: string, params?: readonly unknown[]) =>
      (await client.query<T>(sql, params as unknown[])).rows,
    backendCpuMs: async () => {
      const { rows } = await client.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name],
      );
      // This client's own backend tells whether the server's processes are visible here at all.
      const [own] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
      if (own === undefined || Number.isNaN(cpuMsOf(own.pid))) return undefined;
      return new Map(rows.map(({ pid }) => [pid, cpuMsOf(pid)] as const).filter(([, ms]) => !Number.isNaN(ms)));
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
