import { resolve } from 'node:path';
import { z } from 'zod';
import { boolean, duration, integer, oneOf, timeZone, url, variable } from './fields.js';

/** The shortest signing key accepted: 32 characters (256 bits of a random ASCII key). */
export const minJwtSecretLength = 32;

/** pino's levels, and `silent`. */
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The failed-login window of the rate limits: 15 minutes. */
const loginWindowSeconds = 15 * 60;

/**
 * The environment variables of Doctorly (see {@link configVariables}), parsed into a typed
 * configuration. Blank variables count as unset. The JWT secret is left `undefined` when it
 * is to be generated (embedded default): {@link loadConfig} resolves it.
 * @category Configuration
 */
export const configSchema = z
  .object({
    PORT: integer(1, 65_535, 5000),
    HOST: variable(z.string().trim()).transform((value) => value ?? '0.0.0.0'),
    PUBLIC_URL: url(['http:', 'https:'], 'https://api.example.com'),
    DATABASE_URL: url(['postgres:', 'postgresql:'], 'postgres://user:password@host:5432/doctorly'),
    PG_POOL_SIZE: integer(1, 1000, 10),
    LIVE_DATABASE_URL: url(
      ['postgres:', 'postgresql:'],
      'postgres://user:password@primary:5432/doctorly',
    ),
    DATA_DIR: variable(z.string().trim()).transform((value) => resolve(value ?? './.doctorly')),
    DEMO_DATA: boolean(true),
    REDIS_URL: url(['redis:', 'rediss:'], 'redis://host:6379'),
    REDIS_PREFIX: variable(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9:_.-]{1,64}$/, 'expected 1–64 letters, digits or : _ . -'),
    ).transform((value) => value ?? 'doctorly:'),
    SEARCH_ENGINE: oneOf(['auto', 'redis', 'postgres'], 'auto'),
    CACHE_TIMEOUT_MS: integer(1, 60_000, 50),
    CACHE_LOCAL_MB: integer(0, 4_096, 32),
    JWT_SECRET: variable(
      z.string().min(minJwtSecretLength, `expected at least ${minJwtSecretLength} characters`),
    ),
    TOKEN_TTL: duration('1h'),
    PASSWORD_HASH_COST: oneOf(['owasp', 'test'], 'owasp'),
    RATE_LIMIT_LOGIN_ACCOUNT: integer(1, 1_000_000, 5),
    RATE_LIMIT_LOGIN_ADDRESS: integer(1, 1_000_000, 20),
    DEFAULT_TIMEZONE: timeZone('UTC'),
    BOOKING_HORIZON_WEEKS: integer(1, 52, 4),
    BOOKING_CUTOFF_MINUTES: integer(0, 7 * 24 * 60, 0),
    CANCEL_NOTICE_MINUTES: integer(0, 7 * 24 * 60, 0),
    MAX_ACTIVE_APPOINTMENTS_PER_USER: integer(1, 100_000, 20),
    MAX_PATIENTS_PER_USER: integer(1, 100_000, 10),
    POPULAR_PRIOR_WEIGHT: integer(0, 1_000_000, 5),
    BODY_LIMIT_KB: integer(1, 100 * 1024, 100),
    UPLOAD_LIMIT_KB: integer(1, 100 * 1024, 5120),
    LOG_LEVEL: oneOf(logLevels, 'info'),
  })
  .superRefine((env, ctx) => {
    if (env.SEARCH_ENGINE === 'redis' && env.REDIS_URL === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['SEARCH_ENGINE'],
        message: '`redis` needs REDIS_URL (a Redis with the Query Engine)',
      });
    }
    if (env.DATABASE_URL !== undefined && env.JWT_SECRET === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: `required when DATABASE_URL is set (at least ${minJwtSecretLength} characters; every server and worker replica needs the same one)`,
      });
    }
  })
  .transform((env) => ({
    port: env.PORT,
    host: env.HOST,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    databaseUrl: env.DATABASE_URL,
    pgPoolSize: env.PG_POOL_SIZE,
    liveDatabaseUrl: env.LIVE_DATABASE_URL ?? env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    demoData: env.DEMO_DATA,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    searchEngine: env.SEARCH_ENGINE,
    cacheTimeoutMs: env.CACHE_TIMEOUT_MS,
    cacheLocalBytes: env.CACHE_LOCAL_MB * 1024 * 1024,
    jwtSecret: env.JWT_SECRET,
    tokenTtlSeconds: env.TOKEN_TTL,
    passwordHashCost: env.PASSWORD_HASH_COST,
    loginRateLimit: {
      perAccount: env.RATE_LIMIT_LOGIN_ACCOUNT,
      perAddress: env.RATE_LIMIT_LOGIN_ADDRESS,
      windowSeconds: loginWindowSeconds,
    },
    defaultTimeZone: env.DEFAULT_TIMEZONE,
    bookingPolicy: {
      horizonWeeks: env.BOOKING_HORIZON_WEEKS,
      cutoffMinutes: env.BOOKING_CUTOFF_MINUTES,
    },
    bookingLimits: {
      cancelNoticeMinutes: env.CANCEL_NOTICE_MINUTES,
      maxActiveAppointmentsPerUser: env.MAX_ACTIVE_APPOINTMENTS_PER_USER,
      maxPatientsPerUser: env.MAX_PATIENTS_PER_USER,
    },
    popularPriorWeight: env.POPULAR_PRIOR_WEIGHT,
    bodyLimitBytes: env.BODY_LIMIT_KB * 1024,
    uploadLimitBytes: env.UPLOAD_LIMIT_KB * 1024,
    logLevel: env.LOG_LEVEL,
  }));

/** What {@link configSchema} yields: the JWT secret may still be unresolved. @category Configuration */
export type ParsedConfig = z.output<typeof configSchema>;

/**
 * Doctorly's configuration, parsed once at start by {@link loadConfig}. Hosts and the
 * composition root read it; nothing reads `process.env` anywhere else.
 * @category Configuration
 */
export interface Config extends Omit<ParsedConfig, 'jwtSecret'> {
  readonly jwtSecret: string;
  /** Where the signing key came from: `JWT_SECRET`, or the file generated under `DATA_DIR`. */
  readonly jwtSecretSource: 'env' | 'file';
}
