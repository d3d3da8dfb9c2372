/**
 * How both engines turn column text into JavaScript, so rows look the same on pg and PGlite:
 * `date` and `time` stay strings (a local date is not an instant), `bigint` and `numeric`
 * become numbers (counts and ids here stay far below 2^53). `timestamptz` keeps each
 * driver's default, a `Date`.
 */
export const typeParsers: Readonly<Record<number, (value: string) => unknown>> = {
  20: (value) => Number(value), // int8
  1700: (value) => Number(value), // numeric
  1082: (value) => value, // date
  1083: (value) => value, // time
};
