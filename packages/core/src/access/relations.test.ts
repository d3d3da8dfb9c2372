import { describe, expect, it } from 'vitest';
import type { Actor } from '../identity/user.js';
import { relationsOf, type AccessFacts, type Relation } from './relations.js';

const caller: Actor = { userId: 3, role: 'user' };

describe('relationsOf', () => {
  it.each<[string, Actor | undefined, AccessFacts, Relation[]]>([
    ['an anonymous caller is only anyone', undefined, { ownerId: 3 }, ['anyone']],
    ['a caller with a token is authenticated', caller, {}, ['anyone', 'authenticated']],
    [
      'an admin role makes an admin',
      { userId: 3, role: 'admin' },
      {},
      ['anyone', 'authenticated', 'admin'],
    ],
    [
      'the patient’s user is its owner',
      caller,
      { ownerId: 3 },
      ['anyone', 'authenticated', 'owner'],
    ],
    [
      'a doctor profile makes a doctor',
      caller,
      { callerDoctorId: 30 },
      ['anyone', 'authenticated', 'doctor'],
    ],
    [
      'the sitting’s doctor user is the doctor concerned',
      caller,
      { doctorUserId: 3 },
      ['anyone', 'authenticated', 'doctor', 'doctorConcerned'],
    ],
    [
      'the slot’s doctor profile is the doctor concerned',
      caller,
      { doctorId: 30, callerDoctorId: 30 },
      ['anyone', 'authenticated', 'doctor', 'doctorConcerned'],
    ],
    [
      'another doctor’s slot is not',
      caller,
      { doctorId: 31, callerDoctorId: 30 },
      ['anyone', 'authenticated', 'doctor'],
    ],
    [
      'a doctor treating the patient is the doctor concerned',
      caller,
      { treatedByCaller: true },
      ['anyone', 'authenticated', 'doctor', 'doctorConcerned'],
    ],
    [
      'nobody owns a missing resource',
      caller,
      { exists: false, ownerId: 3, doctorUserId: 3 },
      ['anyone', 'authenticated'],
    ],
  ])('%s', (_, actor, facts, expected) => {
    expect([...relationsOf(actor, facts)].sort()).toEqual([...expected].sort());
  });
});
