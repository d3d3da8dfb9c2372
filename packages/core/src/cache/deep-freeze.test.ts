import { describe, expect, it } from 'vitest';
import { deepFreeze } from './deep-freeze.js';

describe('deepFreeze', () => {
  it('freezes every object and array reachable from the value, and returns the value itself', () => {
    const value = {
      id: 1,
      user: { name: 'Zara' },
      slots: [{ day: 'monday', fees: [1, 2] }],
      none: null,
    };
    expect(deepFreeze(value)).toBe(value);
    for (const part of [value, value.user, value.slots, value.slots[0], value.slots[0]!.fees])
      expect(Object.isFrozen(part)).toBe(true);
    expect(() => value.slots.push({ day: 'friday', fees: [] })).toThrow(TypeError);
    expect(() => {
      value.user.name = 'changed';
    }).toThrow(TypeError);
  });

  it('leaves primitives alone', () => {
    for (const primitive of [0, 'text', true, null, undefined])
      expect(deepFreeze(primitive)).toBe(primitive);
  });

  it('does not walk a value that is frozen already (a cached value inside a new one)', () => {
    const cached = Object.freeze({ inner: { untouched: true } });
    const fresh = deepFreeze({ cached, own: { list: [1] } });
    expect(Object.isFrozen(fresh.own.list)).toBe(true);
    expect(Object.isFrozen(cached.inner)).toBe(false);
  });
});
