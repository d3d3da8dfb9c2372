import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';
import { configVariables } from './variables.js';
import { configSchema } from './schema.js';

const secret = 'x'.repeat(32);
let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'doctorly-config-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig({ DATA_DIR: dataDir, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies every default on an empty environment (the embedded default)', () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({
      port: 5000,
      host: '0.0.0.0',
      publicUrl: 'http://localhost:5000',
      databaseUrl: undefined,
      pgPoolSize: 10,
      liveDatabaseUrl: undefined,
      dataDir,
      demoData: true,
      redisUrl: undefined,
      redisPrefix: 'doctorly:',
      searchEngine: 'auto',
      cacheTimeoutMs: 50,
      cacheLocalBytes: 32 * 1024 * 1024,
      jwtSecretSource: 'file',
      tokenTtlSeconds: 3600,
      passwordHashCost: 'owasp',
      loginRateLimit: { perAccount: 5, perAddress: 20, windowSeconds: 900 },
      defaultTimeZone: 'UTC',
      bookingPolicy: { horizonWeeks: 4, cutoffMinutes: 0 },
      bookingLimits: {
        cancelNoticeMinutes: 0,
        maxActiveAppointmentsPerUser: 20,
        maxPatientsPerUser: 10,
      },
      popularPriorWeight: 5,
      bodyLimitBytes: 100 * 1024,
      uploadLimitBytes: 5120 * 1024,
      logLevel: 'info',
    });
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('defaults DATA_DIR to ./.doctorly, resolved against the working directory', () => {
    const parsed = configSchema.parse({ JWT_SECRET: secret });
    expect(parsed.dataDir).toBe(join(process.cwd(), '.doctorly'));
  });

  it('keeps the generated JWT secret in DATA_DIR, owner-only, and reuses it', () => {
    const first = loadConfig({ DATA_DIR: dataDir });
    const file = join(dataDir, 'jwt-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.jwtSecret);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(loadConfig({ DATA_DIR: dataDir }).jwtSecret).toBe(first.jwtSecret);
  });

  it('refuses a too short key in DATA_DIR/jwt-secret', () => {
    writeFileSync(join(dataDir, 'jwt-secret'), 'short');
    expect(errorOf({}).message).toMatch(/JWT_SECRET: unset, and no key/);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      PUBLIC_URL: 'https://api.example.com/',
      DATABASE_URL: 'postgres://u:p@db:5432/x',
      PG_POOL_SIZE: '3',
      LIVE_DATABASE_URL: 'postgres://u:p@primary:5432/x',
      DATA_DIR: dataDir,
      DEMO_DATA: 'false',
      REDIS_URL: 'redis://cache:6379',
      REDIS_PREFIX: 'staging:',
      SEARCH_ENGINE: 'Postgres',
      CACHE_TIMEOUT_MS: '75',
      CACHE_LOCAL_MB: '24',
      JWT_SECRET: secret,
      TOKEN_TTL: '15m',
      PASSWORD_HASH_COST: 'test',
      RATE_LIMIT_LOGIN_ACCOUNT: '3',
      RATE_LIMIT_LOGIN_ADDRESS: '9',
      DEFAULT_TIMEZONE: 'asia/karachi',
      BOOKING_HORIZON_WEEKS: '2',
      BOOKING_CUTOFF_MINUTES: '30',
      CANCEL_NOTICE_MINUTES: '120',
      MAX_ACTIVE_APPOINTMENTS_PER_USER: '5',
      MAX_PATIENTS_PER_USER: '3',
      POPULAR_PRIOR_WEIGHT: '0',
      BODY_LIMIT_KB: '10',
      UPLOAD_LIMIT_KB: '20',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      publicUrl: 'https://api.example.com',
      databaseUrl: 'postgres://u:p@db:5432/x',
      pgPoolSize: 3,
      liveDatabaseUrl: 'postgres://u:p@primary:5432/x',
      demoData: false,
      redisUrl: 'redis://cache:6379',
      redisPrefix: 'staging:',
      searchEngine: 'postgres',
      cacheTimeoutMs: 75,
      cacheLocalBytes: 24 * 1024 * 1024,
      jwtSecret: secret,
      jwtSecretSource: 'env',
      tokenTtlSeconds: 900,
      passwordHashCost: 'test',
      loginRateLimit: { perAccount: 3, perAddress: 9 },
      defaultTimeZone: 'Asia/Karachi',
      bookingPolicy: { horizonWeeks: 2, cutoffMinutes: 30 },
      bookingLimits: {
        cancelNoticeMinutes: 120,
        maxActiveAppointmentsPerUser: 5,
        maxPatientsPerUser: 3,
      },
      popularPriorWeight: 0,
      bodyLimitBytes: 10 * 1024,
      uploadLimitBytes: 20 * 1024,
      logLevel: 'debug',
    });
  });

  it('makes PUBLIC_URL follow PORT by default', () => {
    expect(loadConfig({ DATA_DIR: dataDir, PORT: '7000' }).publicUrl).toBe('http://localhost:7000');
  });

  it.each([
    ['3600', 3600],
    ['45s', 45],
    ['15m', 900],
    ['1h', 3600],
    ['2d', 172_800],
    [' 2H ', 7200],
  ])('reads TOKEN_TTL %j as %i seconds', (text, seconds) => {
    expect(loadConfig({ DATA_DIR: dataDir, TOKEN_TTL: text }).tokenTtlSeconds).toBe(seconds);
  });

  it('treats blank variables as unset', () => {
    expect(
      loadConfig({ DATA_DIR: dataDir, PORT: '', REDIS_URL: ' ', DATABASE_URL: '' }),
    ).toMatchObject({
      port: 5000,
      redisUrl: undefined,
      databaseUrl: undefined,
    });
  });

  it('listens for live updates on DATABASE_URL unless LIVE_DATABASE_URL says otherwise', () => {
    const base = { DATA_DIR: dataDir, JWT_SECRET: secret, DATABASE_URL: 'postgres://pgbouncer/x' };
    expect(loadConfig(base).liveDatabaseUrl).toBe('postgres://pgbouncer/x');
    expect(loadConfig({ ...base, LIVE_DATABASE_URL: 'postgres://primary/x' }).liveDatabaseUrl).toBe(
      'postgres://primary/x',
    );
  });

  it('requires JWT_SECRET with DATABASE_URL', () => {
    const error = errorOf({ DATABASE_URL: 'postgres://db/x' });
    expect(error.problems.map((p) => p.variable)).toEqual(['JWT_SECRET']);
    expect(error.message).toMatch(/JWT_SECRET: required when DATABASE_URL/);
  });

  it('requires REDIS_URL with SEARCH_ENGINE=redis', () => {
    const error = errorOf({ SEARCH_ENGINE: 'redis' });
    expect(error.problems.map((p) => p.variable)).toEqual(['SEARCH_ENGINE']);
    expect(error.message).toMatch(/SEARCH_ENGINE: `redis` needs REDIS_URL/);
  });

  it.each(
    [
      ['PORT', '0'],
      ['PORT', '70000'],
      ['PORT', 'abc'],
      ['HOST', undefined],
      ['PUBLIC_URL', 'ftp://x'],
      ['DATABASE_URL', 'mysql://db/x'],
      ['PG_POOL_SIZE', '0'],
      ['DEMO_DATA', 'maybe'],
      ['REDIS_URL', 'http://cache'],
      ['REDIS_PREFIX', 'has space'],
      ['SEARCH_ENGINE', 'elastic'],
      ['CACHE_TIMEOUT_MS', '-1'],
      ['JWT_SECRET', 'short'],
      ['TOKEN_TTL', '1w'],
      ['TOKEN_TTL', '0'],
      ['PASSWORD_HASH_COST', 'low'],
      ['RATE_LIMIT_LOGIN_ACCOUNT', '0'],
      ['RATE_LIMIT_LOGIN_ADDRESS', '1.5'],
      ['DEFAULT_TIMEZONE', 'Mars/Olympus'],
      ['BOOKING_HORIZON_WEEKS', '0'],
      ['BOOKING_CUTOFF_MINUTES', 'soon'],
      ['CANCEL_NOTICE_MINUTES', '-5'],
      ['CANCEL_NOTICE_MINUTES', '1h'],
      ['MAX_ACTIVE_APPOINTMENTS_PER_USER', '0'],
      ['MAX_ACTIVE_APPOINTMENTS_PER_USER', 'many'],
      ['MAX_PATIENTS_PER_USER', '0'],
      ['MAX_PATIENTS_PER_USER', '2.5'],
      ['POPULAR_PRIOR_WEIGHT', '-3'],
      ['BODY_LIMIT_KB', '0'],
      ['UPLOAD_LIMIT_KB', 'big'],
      ['LOG_LEVEL', 'loud'],
    ].filter((row): row is [string, string] => row[1] !== undefined),
  )('names %s=%j in the error', (name, value) => {
    const error = errorOf({ [name]: value, JWT_SECRET: name === 'JWT_SECRET' ? value : secret });
    expect(error.problems.map((p) => p.variable)).toEqual([name]);
    expect(error.message).toContain(`- ${name}: `);
  });

  it('names every invalid variable at once, and never echoes a secret', () => {
    const error = errorOf({
      PORT: 'x',
      LOG_LEVEL: 'loud',
      JWT_SECRET: 'hunter2',
      DATABASE_URL: 'nope',
    });
    expect(error.problems.map((p) => p.variable).sort()).toEqual([
      'DATABASE_URL',
      'JWT_SECRET',
      'LOG_LEVEL',
      'PORT',
    ]);
    expect(error.message).toContain('got "x"');
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain('nope');
  });
});

describe('configVariables', () => {
  it('lists exactly the variables of the schema', () => {
    const names = configVariables.map((v) => v.name).sort();
    expect(names).toEqual(Object.keys(configSchema.in.shape).sort());
    for (const variable of configVariables) expect(variable.meaning.length).toBeGreaterThan(10);
  });
});
