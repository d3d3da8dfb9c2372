import pg from 'pg';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, createTestRedis, isSkip } from './index.js';

const db = await createTestDatabase();
const redis = await createTestRedis();
afterAll(async () => {
  await db.dispose();
  if (!isSkip(redis)) await redis.dispose();
});

describe.skipIf(db.kind !== 'postgres')('a test database on a PostgreSQL server', () => {
  it('is a fresh database of its own, dropped on dispose', async () => {
    if (db.kind !== 'postgres') return;
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ name: string; tables: string }>(
      `SELECT current_database() AS name,
              (SELECT count(*) FROM pg_tables WHERE schemaname = 'public')::text AS tables`,
    );
    await client.end();
    expect(rows[0]?.name).toMatch(/^doctorly_test_/);
    expect(rows[0]?.tables).toBe('0');
  });
});

describe.skipIf(isSkip(redis))('a test Redis', () => {
  it('answers, and dispose removes only the keys under its prefix', async () => {
    if (isSkip(redis)) return;
    const client = new Redis(redis.url);
    const outsider = `other:${redis.prefix}`;
    await client.set(`${redis.prefix}a`, '1');
    await client.set(outsider, '1');
    await redis.dispose();
    expect(await client.exists(`${redis.prefix}a`)).toBe(0);
    expect(await client.exists(outsider)).toBe(1);
    await client.del(outsider);
    client.disconnect();
  });
});
