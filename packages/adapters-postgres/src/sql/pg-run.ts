import { createHash } from 'node:crypto';
import type pg from 'pg';
import { mapDatabaseError } from './map-database-error.js';
import type { QueryOptions } from './sql-client.js';

// Statement names by text: pg prepares a named statement once per connection and reuses it.
const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `doctorly_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}

/** Runs one statement on a pool or a checked-out connection; errors come out mapped. */
export async function run<Row>(
  client: pg.Pool | pg.PoolClient,
  text: string,
  params?: readonly unknown[],
  options?: QueryOptions,
): Promise<Row[]> {
  try {
    const values = params as unknown[] | undefined;
    const result = options?.prepare
      ? await client.query({ name: statementName(text), text, ...(values && { values }) })
      : await client.query(text, values);
    return result.rows as Row[];
  } catch (error) {
    throw mapDatabaseError(error);
  }
}
