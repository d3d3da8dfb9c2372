/**
 * Freezes `value` and every object and array reachable from it, and returns it. Cached values
 * are shared by every reader (see {@link Cache}): freezing makes a reader that would change one
 * fail loudly (a `TypeError` in strict code) instead of changing what the others read, and lets
 * a host keep what it derives from a value (its rendered JSON) for as long as the value lives.
 *
 * Meant for JSON values. An object that is already frozen is taken to be deep-frozen and not
 * walked again: values are frozen once, when they enter the cache, so a frozen part of a new
 * value is an earlier cached value.
 * @category Use cases
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) deepFreeze(item);
  } else {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
