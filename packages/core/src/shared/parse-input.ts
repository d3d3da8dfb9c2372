import type { z } from 'zod';
import { DomainError } from './domain-error.js';

/**
 * Parses untrusted input with a use case's schema; a failure becomes `VALIDATION_FAILED`
 * naming every invalid field, so hosts map it to one 400 without knowing zod.
 * @category Use cases
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors = result.error.issues.map((issue) => ({
    path: issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
      .join('.')
      .replace(/\.\[/g, '['),
    message: issue.message,
  }));
  throw new DomainError('VALIDATION_FAILED', 'The input is not valid.', fieldErrors);
}
