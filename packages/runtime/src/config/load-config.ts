import type { z } from 'zod';
import { configSchema, type Config } from './schema.js';
import { readOrCreateJwtSecret } from './jwt-secret.js';

/** The environment as Node gives it (`process.env`), or any plain record in tests. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The configuration is unusable: the message names every missing or invalid variable and
 * why, one per line, so one start tells the operator everything to fix.
 * @category Configuration
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: readonly { variable: string; message: string }[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n')}`,
    );
  }
}

/**
 * Parses the environment once into a {@link Config}. On the embedded default (no
 * `DATABASE_URL`) and without `JWT_SECRET`, the signing key is read from
 * `DATA_DIR/jwt-secret`, generated there on first start, so tokens survive restarts.
 * @throws ConfigError naming each invalid variable.
 * @category Configuration
 */
export function loadConfig(env: Environment): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(problemsOf(parsed.error, env));
  const { jwtSecret, ...config } = parsed.data;
  if (jwtSecret !== undefined) return { ...config, jwtSecret, jwtSecretSource: 'env' };
  try {
    return { ...config, jwtSecret: readOrCreateJwtSecret(config.dataDir), jwtSecretSource: 'file' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError([
      {
        variable: 'JWT_SECRET',
        message: `unset, and no key could be kept under DATA_DIR (${reason})`,
      },
    ]);
  }
}

/** One line per variable; the value is echoed back except for secrets and URLs with credentials. */
function problemsOf(error: z.ZodError, env: Environment): { variable: string; message: string }[] {
  return error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? 'environment');
    const value = env[variable];
    const shown =
      value === undefined || /SECRET|URL/.test(variable) ? '' : ` (got ${JSON.stringify(value)})`;
    return { variable, message: `${issue.message}${shown}` };
  });
}
