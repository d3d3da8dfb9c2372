import type { Page, PageRequest } from '@doctorly/core';
import type { SqlExecutor } from '../sql/sql-client.js';

/**
 * One page in one round trip: `sql` selects the rows with `count(*) OVER () AS total` and
 * ends with `LIMIT $n OFFSET $n+1` (page.limit and page.offset appended to `params`). Only a
 * page past the end (no rows, so no total) costs a second query, `countSql` with `params`.
 */
export async function queryPage<T>(
  db: SqlExecutor,
  sql: string,
  countSql: string,
  params: readonly unknown[],
  page: PageRequest,
): Promise<Page<T>> {
  const rows = await db.query<T & { total: number }>(sql, [...params, page.limit, page.offset]);
  if (rows.length === 0) {
    const total =
      page.offset > 0 ? ((await db.query<{ total: number }>(countSql, params))[0]?.total ?? 0) : 0;
    return { items: [], total };
  }
  const total = rows[0]!.total;
  return { items: rows.map(({ total: _total, ...item }) => item as T), total };
}
