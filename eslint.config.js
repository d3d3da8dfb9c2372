// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Libraries that do I/O or belong to a host: core must never import them. */
const impureModules = [
  'pg',
  'pg-*',
  '@electric-sql/*',
  'ioredis',
  'redis',
  'redis-om',
  '@redis/*',
  'koa',
  'koa-*',
  '@koa/*',
  'jsonwebtoken',
  'pino',
  'pino-*',
  'inversify',
  'sharp',
  'testcontainers',
  '@testcontainers/*',
  ...[
    'fs',
    'fs/promises',
    'net',
    'http',
    'https',
    'http2',
    'child_process',
    'dgram',
    'dns',
    'tls',
    'os',
    'cluster',
    'worker_threads',
    'process',
    'timers',
    'readline',
  ].flatMap((m) => [m, `node:${m}`]),
  '@doctorly/adapters-*',
  '@doctorly/runtime',
  '@doctorly/http-koa',
  '@doctorly/worker',
];

/**
 * Keeps `packages/core` pure: no I/O or host library, no environment, no clock
 * (shared/CONVENTIONS.md, rule 1). Exported so a test can prove the rule bites.
 */
export const corePurity = {
  files: ['packages/core/src/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: impureModules, message: 'core is pure: I/O and hosts belong in adapters.' },
        ],
      },
    ],
    'no-restricted-properties': [
      'error',
      {
        object: 'process',
        property: 'env',
        message: 'core reads no environment: take config as an argument.',
      },
      {
        object: 'Date',
        property: 'now',
        message: 'core reads no clock: take `now` from the Clock port.',
      },
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: 'core reads no clock: take `now` from the Clock port.',
      },
      {
        selector: "MemberExpression[object.name='DateTime'][property.name=/^(now|local)$/]",
        message: 'core reads no clock: take `now` from the Clock port.',
      },
    ],
    'no-restricted-globals': [
      'error',
      { name: 'process', message: 'core reads no environment or process state.' },
      { name: 'setTimeout', message: 'core does not schedule work: hosts do.' },
      { name: 'setInterval', message: 'core does not schedule work: hosts do.' },
      { name: 'fetch', message: 'core does no I/O.' },
    ],
  },
};

/**
 * The only core modules whose values `packages/core/src/memory/` may import: shared
 * primitives and the few model rules the stores apply. Adapters point inward, so a use case
 * is never among them; a new entry is a deliberate choice. Type imports are free (ports and
 * models are types).
 */
const memoryValueSources = [
  'shared/domain-error',
  'shared/primitives',
  'shared/commit-booking',
  'booking/decide-booking',
  'scheduling/sitting-lifecycle',
  'catalog/catalog',
  'identity/user',
  'cache/deep-freeze',
  'search/name-match',
  'live/topic-listeners',
  'waitlist/waitlist-entry',
  'waitlist/decide-join',
  'waitlist/decide-promotions',
];

/**
 * Keeps the in-memory adapters off the use cases (dependencies point inward);
 * test/lint/memory-imports.test.ts proves the rule bites.
 */
export const memoryImportsInward = {
  files: ['packages/core/src/memory/**/*.ts'],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^\\.\\./(?!(?:${memoryValueSources.join('|')})\\.js$)`,
            allowTypeImports: true,
            message:
              'memory/ is an adapter: it takes values only from the modules in memoryValueSources (eslint.config.js), never from a use case.',
          },
          {
            regex: '^@doctorly/core',
            message:
              'memory/ imports core modules by relative path, never through a barrel that re-exports use cases.',
          },
        ],
      },
    ],
  },
};

/**
 * Keeps `packages/http-contract` host-neutral: any host imports it, so it names no HTTP
 * framework, no infrastructure and no composition root (it types use cases from core).
 * Exported so a test can prove the rule bites.
 */
export const contractNeutrality = {
  files: ['packages/http-contract/src/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: [
              'koa',
              'koa-*',
              '@koa/*',
              'express',
              'fastify',
              'pg',
              'pg-*',
              '@electric-sql/*',
              'ioredis',
              'redis',
              'redis-om',
              'sharp',
              'pino',
              'inversify',
              'node:http',
              'http',
              '@doctorly/adapters-*',
              '@doctorly/runtime',
              '@doctorly/http-koa',
              '@doctorly/worker',
            ],
            message:
              'the HTTP contract is host-neutral: frameworks, infrastructure and the runtime belong to hosts.',
          },
        ],
      },
    ],
  },
};

/**
 * No explicit type argument on a container's `get`/`bind` (`container.get<Cache>(token)`):
 * tokens are typed (`ServiceToken<T>`, classes), so inversify infers the type, and an
 * explicit one could only widen it (`bind<unknown>(Cache)` accepts anything). Only calls
 * whose first argument looks like a token are checked: an HTTP client's
 * `api.get<View>(path)` is not a container (the selector cannot see types).
 * Exported so a test can prove the rule bites.
 */
export const typedInjection = {
  files: ['**/*.ts'],
  rules: {
    'no-restricted-syntax': [
      'error',
      ...[
        // A token: a PascalCase name (`Cache`, `ConfigToken`), or `useCaseIdentifier(name)`, `tokens.cache`.
        '[arguments.0.type="Identifier"][arguments.0.name=/^[A-Z]/]',
        '[arguments.0.type=/^(CallExpression|MemberExpression)$/]',
      ].map((token) => ({
        selector: `CallExpression[callee.property.name=/^(get|getAsync|getAll|getAllAsync|bind|rebind|rebindAsync)$/][typeArguments]${token}`,
        message:
          'Let the typed token give the type: no explicit type argument on a container get or bind.',
      })),
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'docs/api/**',
      'coverage/**',
      'test/lint-fixtures/**',
      '.doctorly/**',
      '.scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.typecheck.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'packages/core/src/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  // Before corePurity, whose `no-restricted-syntax` replaces this one in core (which has no container).
  typedInjection,
  corePurity,
  memoryImportsInward,
  contractNeutrality,
);
