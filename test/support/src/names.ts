import { randomBytes } from 'node:crypto';

/** A short random name part, safe in SQL identifiers and Redis keys. */
export function uniqueSuffix(): string {
  return `${process.pid.toString(36)}${randomBytes(5).toString('hex')}`;
}
