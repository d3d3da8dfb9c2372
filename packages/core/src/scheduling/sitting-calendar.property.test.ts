import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantArb, policyArb, timeZoneArb } from '../testing/arbitraries.js';
import { sittingWindow, sittingWindowOfAnyZone } from './sitting-calendar.js';

describe('sittingWindowOfAnyZone', () => {
  it('holds the sitting window of a slot in any zone, also the farthest ones from UTC', () => {
    const zoneArb = fc.oneof(
      timeZoneArb,
      fc.constantFrom('Etc/GMT+12', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Pacific/Apia'),
    );
    fc.assert(
      fc.property(instantArb(), zoneArb, policyArb, (now, timeZone, policy) => {
        const any = sittingWindowOfAnyZone(now, policy);
        const own = sittingWindow({ timeZone }, now, policy);
        expect(
          any.from <= own.from && own.to <= any.to,
          `${JSON.stringify(own)} outside ${JSON.stringify(any)}`,
        ).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
