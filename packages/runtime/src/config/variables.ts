/** One environment variable the hosts read, as documented in docs/configuration.md. @category Configuration */
export interface ConfigVariable {
  readonly name: string;
  /** The default as a reader sees it, or how the value is chosen when unset. */
  readonly default: string;
  readonly meaning: string;
}

/**
 * Every environment variable of Doctorly, its default and its meaning: the one list that
 * the configuration schema and docs/configuration.md are checked against.
 * @category Configuration
 */
export const configVariables: readonly ConfigVariable[] = [
  { name: 'PORT', default: '5000', meaning: 'TCP port the server listens on.' },
  { name: 'HOST', default: '0.0.0.0', meaning: 'Address the server listens on.' },
  {
    name: 'PUBLIC_URL',
    default: 'http://localhost:PORT',
    meaning: 'Base URL clients reach the server at; makes image paths absolute.',
  },
  {
    name: 'DATABASE_URL',
    default: 'unset → PGlite in DATA_DIR/pglite',
    meaning: 'PostgreSQL connection string.',
  },
  {
    name: 'PG_POOL_SIZE',
    default: '10',
    meaning: 'Connections in the PostgreSQL pool (per process).',
  },
  {
    name: 'LIVE_DATABASE_URL',
    default: 'DATABASE_URL',
    meaning:
      'PostgreSQL the live-update listener connects to without REDIS_URL (LISTEN needs a session: not PgBouncer in transaction mode).',
  },
  {
    name: 'DATA_DIR',
    default: './.doctorly',
    meaning: 'PGlite data, uploaded images and the generated JWT secret on the embedded default.',
  },
  {
    name: 'DEMO_DATA',
    default: 'true',
    meaning:
      'On the embedded default, load a small demo set (doctors, slots, patients) into a new data folder; `false` turns it off.',
  },
  {
    name: 'REDIS_URL',
    default: 'unset → in-memory cache',
    meaning: 'Redis for the cache, token revocation and rate limits.',
  },
  {
    name: 'REDIS_PREFIX',
    default: 'doctorly:',
    meaning:
      'Prefix of every Redis key and search index, so that several deployments can share one Redis.',
  },
  {
    name: 'SEARCH_ENGINE',
    default: 'auto',
    meaning:
      '`redis`, `postgres`, or `auto` (the Redis Query Engine when REDIS_URL has it, else PostgreSQL).',
  },
  {
    name: 'CACHE_LOCAL_MB',
    default: '32',
    meaning:
      'MB of cache entries each process also keeps in memory, kept true by Redis invalidation messages, with its "not revoked" answers (0: none).',
  },
  {
    name: 'CACHE_TIMEOUT_MS',
    default: '50',
    meaning:
      'How long a cache read may take before it counts as a miss (reads fall back to PostgreSQL).',
  },
  {
    name: 'JWT_SECRET',
    default: 'required with DATABASE_URL; else generated and kept in DATA_DIR/jwt-secret',
    meaning: 'Token signing key (HS256), at least 32 characters.',
  },
  {
    name: 'TOKEN_TTL',
    default: '1h',
    meaning: 'Token lifetime: seconds, or a number with s, m, h or d (`15m`, `2d`).',
  },
  {
    name: 'PASSWORD_HASH_COST',
    default: 'owasp',
    meaning: '`owasp` (scrypt N=2^17, r=8, p=1) or `test` (N=2^10, for tests only).',
  },
  {
    name: 'RATE_LIMIT_LOGIN_ACCOUNT',
    default: '5',
    meaning: 'Failed logins allowed per account per 15 minutes.',
  },
  {
    name: 'RATE_LIMIT_LOGIN_ADDRESS',
    default: '20',
    meaning: 'Failed logins allowed per client address per 15 minutes.',
  },
  { name: 'DEFAULT_TIMEZONE', default: 'UTC', meaning: 'IANA time zone of slots that name none.' },
  {
    name: 'BOOKING_HORIZON_WEEKS',
    default: '4',
    meaning: 'How many weeks ahead sittings can be booked.',
  },
  {
    name: 'BOOKING_CUTOFF_MINUTES',
    default: '0',
    meaning: 'Booking closes this many minutes before a sitting starts.',
  },
  {
    name: 'CANCEL_NOTICE_MINUTES',
    default: '0',
    meaning:
      'A patient may not cancel later than this many minutes before the planned time (409 TOO_LATE_TO_CHANGE); the doctor may.',
  },
  {
    name: 'MAX_ACTIVE_APPOINTMENTS_PER_USER',
    default: '20',
    meaning:
      'Active appointments plus waiting waitlist entries one account may hold, across all its patients (409 TOO_MANY_APPOINTMENTS).',
  },
  {
    name: 'MAX_PATIENTS_PER_USER',
    default: '10',
    meaning: 'Patients one account may register (409 TOO_MANY_PATIENTS).',
  },
  {
    name: 'POPULAR_PRIOR_WEIGHT',
    default: '5',
    meaning: 'Weight of the prior (the global mean rating) in the popular doctors ranking.',
  },
  { name: 'BODY_LIMIT_KB', default: '100', meaning: 'Largest JSON request body, in KiB.' },
  { name: 'UPLOAD_LIMIT_KB', default: '5120', meaning: 'Largest uploaded image, in KiB.' },
  {
    name: 'LOG_LEVEL',
    default: 'info',
    meaning: 'pino log level: fatal, error, warn, info, debug, trace or silent.',
  },
];
