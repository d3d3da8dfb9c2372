import { describe, expect, it } from 'vitest';
import { decide } from './authorize.js';
import { matrixCallerNames, matrixCallers, matrixDecision, type MatrixCaller } from './matrix.js';
import { accessPolicy, notFoundCodeOf, policyKeys, resourceOf, type PolicyKey } from './policy.js';
import { relations, type Relation } from './relations.js';

// What each caller is answered: ok, 401, 403 (FORBIDDEN), doc (NOT_A_DOCTOR), 404 (hidden).
type Caller = MatrixCaller;
type Answer = 'ok' | '401' | '403' | 'doc' | '404';
const expected: Record<PolicyKey, Record<Caller, Answer>> = {
  'account.register': row('ok ok ok ok ok ok'),
  'account.read': row('401 ok ok ok ok ok'),
  'catalog.read': row('401 ok ok ok ok ok'),
  'catalog.manage': row('401 403 403 403 403 ok'),
  'doctor.register': row('ok ok ok ok ok ok'),
  'doctor.read': row('401 ok ok ok ok ok'),
  'profile.read': row('401 doc doc ok ok doc'),
  'profile.edit': row('401 doc doc ok ok doc'),
  'profile.addSlot': row('401 doc doc ok ok doc'),
  'profile.listPatients': row('401 doc doc ok ok doc'),
  'patient.register': row('401 ok ok ok ok ok'),
  'patient.listOwn': row('401 ok ok ok ok ok'),
  'patient.read': row('401 404 ok ok 404 ok'),
  'patient.book': row('401 404 ok 404 404 404'),
  'patient.joinWaitlist': row('401 404 ok 404 404 404'),
  'appointment.listOwn': row('401 ok ok ok ok ok'),
  'appointment.read': row('401 404 ok ok 404 ok'),
  'appointment.cancel': row('401 404 ok ok 404 404'),
  'appointment.reschedule': row('401 404 ok 404 404 404'),
  'appointment.rate': row('401 404 ok 404 404 404'),
  'appointment.checkIn': row('401 404 403 ok 404 404'),
  'appointment.complete': row('401 404 403 ok 404 404'),
  'appointment.markNoShow': row('401 404 403 ok 404 404'),
  'appointment.call': row('401 404 403 ok 404 404'),
  'sitting.read': row('401 doc doc ok 404 ok'),
  'sitting.cancel': row('401 doc doc ok 404 doc'),
  'sittingById.read': row('ok ok ok ok ok ok'),
  'sittingById.start': row('401 doc doc ok 404 doc'),
  'profile.takeLeave': row('401 doc doc ok ok doc'),
  'profile.listLeaves': row('401 doc doc ok ok doc'),
  'leave.read': row('401 doc doc ok 404 ok'),
  'leave.reopen': row('401 doc doc ok 404 doc'),
  'waitlist.listOwn': row('401 ok ok ok ok ok'),
  'waitlist.read': row('401 404 ok 404 404 ok'),
  'waitlist.leave': row('401 404 ok 404 404 404'),
};

function row(answers: string): Record<Caller, Answer> {
  const [anonymous, stranger, owner, doctorConcerned, otherDoctor, admin] = answers.split(
    ' ',
  ) as Answer[];
  return {
    anonymous: anonymous!,
    stranger: stranger!,
    owner: owner!,
    doctorConcerned: doctorConcerned!,
    otherDoctor: otherDoctor!,
    admin: admin!,
  };
}

function answerOf(key: PolicyKey, caller: Caller): Answer {
  const decision = matrixDecision(key, caller);
  if (decision.allowed) return 'ok';
  const short: Partial<Record<string, Answer>> = {
    UNAUTHENTICATED: '401',
    FORBIDDEN: '403',
    NOT_A_DOCTOR: 'doc',
  };
  return short[decision.code] ?? (decision.code === notFoundCodeOf(key) ? '404' : ('?' as Answer));
}

/** Every set of relations a caller could have (each includes `anyone`). */
const everyRelationSet: ReadonlySet<Relation>[] = Array.from(
  { length: 2 ** (relations.length - 1) },
  (_, bits) =>
    new Set<Relation>(['anyone', ...relations.slice(1).filter((_, i) => (bits >> i) & 1)]),
);

describe('the access policy', () => {
  const cases = policyKeys.flatMap((key) =>
    matrixCallerNames.map((caller) => ({
      key,
      caller,
      answer: expected[key][caller],
    })),
  );
  it.each(cases)('$key: $caller → $answer', ({ key, caller, answer }) => {
    expect(answerOf(key, caller)).toBe(answer);
  });

  it.each(policyKeys.filter((key) => accessPolicy[key].refuse === 'hidden'))(
    '%s hides a resource that has a not-found code',
    (key) => {
      expect(notFoundCodeOf(key)).toBeDefined();
    },
  );

  it.each(policyKeys.filter((key) => accessPolicy[key].refuse === 'hidden'))(
    '%s has a read rule for its resource',
    (key) => {
      expect(policyKeys).toContain(`${resourceOf(key)}.read`);
    },
  );

  it.each(policyKeys)('%s tells FORBIDDEN only to a caller who may read the resource', (key) => {
    const read = `${resourceOf(key)}.read` as PolicyKey;
    const told = everyRelationSet.filter((set) => {
      const decision = decide(key, set);
      return !decision.allowed && decision.code === 'FORBIDDEN';
    });
    expect(told.filter((set) => policyKeys.includes(read) && !decide(read, set).allowed)).toEqual(
      [],
    );
  });

  it.each(
    policyKeys.filter(
      (key) => accessPolicy[key].kind === 'read' && accessPolicy[key].refuse === 'hidden',
    ),
  )('%s: an admin reads it', (key) =>
    expect(decide(key, new Set<Relation>(matrixCallers.admin)).allowed).toBe(true),
  );

  it('lets an admin, as such, change nothing but the catalog', () => {
    const adminOnly = policyKeys.filter(
      (key) =>
        accessPolicy[key].kind === 'change' &&
        decide(key, new Set<Relation>(matrixCallers.admin)).allowed &&
        !decide(key, new Set<Relation>(matrixCallers.stranger)).allowed,
    );
    expect(adminOnly).toEqual(['catalog.manage']);
  });
});
