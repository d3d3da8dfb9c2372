import { describe, expectTypeOf, it } from 'vitest';
import type { ReadRepositories, Repositories, UnitOfWork } from './unit-of-work.js';

/** The write methods of each repository: none may be reachable through `UnitOfWork.read`. */
interface Writes {
  users: 'create' | 'setRole' | 'setPasswordHash';
  doctors: 'create' | 'update' | 'addSpecializations' | 'addQualifications';
  catalog: 'setSpecializationImage' | 'seed';
  patients: 'create';
  slots: 'create';
  sittings: 'ensure' | 'createMissing' | 'setStatus';
  appointments: 'book' | 'ensureSittingAndBook' | 'transition' | 'transitionAllInSitting';
  ratings: 'create';
}

// These are checked by `tsc` (npm run typecheck); at run time the tests only show they ran.
describe('UnitOfWork.read', () => {
  it('is typed as the read-only view of the repositories', () => {
    expectTypeOf<UnitOfWork['read']>().toEqualTypeOf<ReadRepositories>();
  });

  it("offers none of the repositories' write methods", () => {
    type Leaked = {
      [K in keyof Writes]: Extract<keyof ReadRepositories[K], Writes[K]>;
    }[keyof Writes];
    expectTypeOf<Leaked>().toBeNever();
  });

  it('offers no outbox: events are appended inside a transaction only', () => {
    expectTypeOf<ReadRepositories>().not.toHaveProperty('outbox');
  });

  it('has no `sittings.createMissing`, the write the former Proxy let skip the transaction', () => {
    expectTypeOf<ReadRepositories['sittings']>().not.toHaveProperty('createMissing');
  });
});

describe('Repositories', () => {
  it('offers every write method inside a transaction', () => {
    type Missing = { [K in keyof Writes]: Exclude<Writes[K], keyof Repositories[K]> }[keyof Writes];
    expectTypeOf<Missing>().toBeNever();
  });
});
