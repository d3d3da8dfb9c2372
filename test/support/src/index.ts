/**
 * Test infrastructure shared by every package: each test file gets a PostgreSQL and a Redis
 * of its own (fresh database, key prefix) and removes them afterwards.
 * @packageDocumentation
 */
export { createTestDatabase, hasRealPostgres, type TestDatabase } from './postgres.js';
export {
  createTestRedis,
  createTestRedisSearch,
  isSkip,
  type TestRedis,
  type Skip,
} from './redis.js';
export { hasDocker } from './docker.js';
export { uniqueSuffix } from './names.js';
export { describeOnPostgresServer } from './skip.js';
