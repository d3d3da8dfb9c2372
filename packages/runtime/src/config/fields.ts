import { z } from 'zod';
import { parseDurationSeconds } from './duration.js';

/** An empty or blank variable (`PORT=` in a compose file) means "unset", not "invalid". */
function blankAsUnset(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

/** An optional environment variable read with `schema`. */
export function variable<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankAsUnset, schema.optional());
}

/** A whole number in `min`…`max`, `fallback` when unset. */
export function integer(min: number, max: number, fallback: number) {
  const message = `expected a whole number from ${min} to ${max}`;
  return variable(
    z
      .string()
      .trim()
      .regex(/^\d+$/, message)
      .transform(Number)
      .pipe(z.number().min(min, message).max(max, message)),
  ).transform((value) => value ?? fallback);
}

/** `true`/`false` (also `1`/`0`, `yes`/`no`, any case), `fallback` when unset. */
export function boolean(fallback: boolean) {
  return variable(
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no'], 'expected true or false')),
  ).transform((value) => (value === undefined ? fallback : ['true', '1', 'yes'].includes(value)));
}

/** One of `options` (any case), `fallback` when unset. */
export function oneOf<const T extends readonly [string, ...string[]]>(
  options: T,
  fallback: T[number],
) {
  return variable(
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(options, `expected one of ${options.join(', ')}`)),
  ).transform((value): T[number] => value ?? fallback);
}

/** A URL with one of `protocols` (`postgres:`…), left unset when absent. */
export function url(protocols: readonly string[], example: string) {
  const message = `expected a URL such as ${example}`;
  return variable(
    z
      .string()
      .trim()
      .refine((text) => URL.canParse(text) && protocols.includes(new URL(text).protocol), message),
  );
}

/** A duration (`3600`, `30s`, `15m`, `1h`, `2d`) in seconds, between 1 second and 365 days. */
export function duration(fallback: string) {
  const message =
    'expected seconds or a number with s, m, h or d (15m, 1h, 2d), from 1 second to 365 days';
  return variable(z.string())
    .transform((value) => parseDurationSeconds(value ?? fallback))
    .pipe(
      z
        .number(message)
        .min(1, message)
        .max(365 * 86_400, message),
    );
}

/** An IANA time zone known to this Node (`asia/karachi` is canonicalised to `Asia/Karachi`). */
export function timeZone(fallback: string) {
  const message = 'expected an IANA time zone such as Europe/Berlin or UTC';
  return variable(z.string().trim()).transform((zone, ctx) => {
    try {
      return new Intl.DateTimeFormat('en-US', { timeZone: zone ?? fallback }).resolvedOptions()
        .timeZone;
    } catch {
      ctx.issues.push({ code: 'custom', message, input: zone });
      return z.NEVER;
    }
  });
}
