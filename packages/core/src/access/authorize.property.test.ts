import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../identity/user.js';
import { authorize, can } from './authorize.js';
import { accessPolicy, notFoundCodeOf, policyKeys, resourceOf, type PolicyKey } from './policy.js';
import type { AccessFacts } from './relations.js';

// Few users and doctors, so that owners and doctors often coincide with the caller.
const userId = fc.integer({ min: 1, max: 3 });
const doctorId = fc.integer({ min: 30, max: 32 });
const actor: fc.Arbitrary<Actor> = fc.record({
  userId,
  role: fc.constantFrom('user' as const, 'admin' as const),
});
const facts: fc.Arbitrary<AccessFacts> = fc.record(
  {
    id: fc.nat(99),
    ownerId: userId,
    doctorUserId: userId,
    doctorId,
    callerDoctorId: doctorId,
    treatedByCaller: fc.boolean(),
  },
  { requiredKeys: ['id'] },
);
const hiding = policyKeys.filter((key) => notFoundCodeOf(key) !== undefined);

function thrown(run: () => void): unknown {
  try {
    run();
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('the access policy, on any caller and resource', () => {
  it('refuses a caller who may not read a resource exactly as if it did not exist', () => {
    fc.assert(
      fc.property(actor, fc.constantFrom(...hiding), facts, (caller, key, known) => {
        const read = `${resourceOf(key)}.read` as PolicyKey;
        fc.pre(!can(caller, read, known) && !can(caller, key, known));
        const missing = { id: known.id, exists: false, callerDoctorId: known.callerDoctorId };
        expect(thrown(() => authorize(caller, key, known))).toEqual(
          thrown(() => authorize(caller, key, missing)),
        );
      }),
    );
  });

  it('lets an admin read every resource that hides, whoever owns it', () => {
    const reads = hiding.filter((key) => accessPolicy[key].kind === 'read');
    fc.assert(
      fc.property(userId, fc.constantFrom(...reads), facts, (id, key, known) => {
        expect(can({ userId: id, role: 'admin' }, key, known)).toBe(true);
      }),
    );
  });

  it('never takes an allowance away when the caller stands closer to the resource', () => {
    fc.assert(
      fc.property(actor, fc.constantFrom(...policyKeys), facts, (caller, key, known) => {
        fc.pre(can(caller, key, known));
        expect(
          can(caller, key, { ...known, ownerId: caller.userId, doctorUserId: caller.userId }),
        ).toBe(true);
      }),
    );
  });
});
