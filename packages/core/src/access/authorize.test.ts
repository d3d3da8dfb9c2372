import { describe, expect, it } from 'vitest';
import type { Actor } from '../identity/user.js';
import { authorize, authorized, can } from './authorize.js';

const alice: Actor = { userId: 1, role: 'user' };
const drC: Actor = { userId: 3, role: 'user' };
const admin: Actor = { userId: 9, role: 'admin' };
// An appointment of alice's patient in a sitting of drC's (doctor profile 30).
const appointment = { id: 7, ownerId: 1, doctorUserId: 3 };

describe('authorize', () => {
  it('returns when a relation of the caller allows', () => {
    expect(() => authorize(alice, 'appointment.cancel', appointment)).not.toThrow();
  });

  it('hides a resource from a caller who may not see it: its not-found code, naming the id', () => {
    expect(() => authorize({ userId: 2, role: 'user' }, 'appointment.cancel', appointment)).toThrow(
      expect.objectContaining({
        code: 'APPOINTMENT_NOT_FOUND',
        message: 'There is no appointment 7.',
      }),
    );
  });

  it('answers a missing resource exactly as a hidden one', () => {
    expect(() => authorize(alice, 'appointment.cancel', { id: 7, exists: false })).toThrow(
      expect.objectContaining({
        code: 'APPOINTMENT_NOT_FOUND',
        message: 'There is no appointment 7.',
      }),
    );
  });

  it('answers a missing resource as not found also to a caller the rule allows by role', () => {
    expect(() => authorize(admin, 'appointment.read', { id: 7, exists: false })).toThrow(
      expect.objectContaining({ code: 'APPOINTMENT_NOT_FOUND' }),
    );
  });

  it('tells a caller who sees the resource FORBIDDEN, saying who may', () => {
    expect(() => authorize(alice, 'appointment.checkIn', appointment)).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        message: 'Only the doctor of the sitting can do this.',
      }),
    );
  });

  it('tells a caller without a doctor profile NOT_A_DOCTOR in the doctor area', () => {
    expect(() => authorize(alice, 'sitting.cancel', { id: 5, doctorId: 30 })).toThrow(
      expect.objectContaining({ code: 'NOT_A_DOCTOR' }),
    );
  });

  it('tells an anonymous caller UNAUTHENTICATED', () => {
    expect(() => authorize(undefined, 'catalog.read')).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });

  it('lets an anonymous caller do what anyone may', () => {
    expect(() => authorize(undefined, 'account.register')).not.toThrow();
  });

  it('lets only an admin manage the catalog', () => {
    expect(() => authorize(drC, 'catalog.manage')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: 'Only an admin can do this.' }),
    );
  });
});

describe('can', () => {
  it('is true where authorize returns', () => {
    expect(can(drC, 'sitting.read', { id: 5, doctorId: 30, callerDoctorId: 30 })).toBe(true);
  });

  it('is false where authorize throws', () => {
    expect(can(drC, 'sitting.read', { id: 5, doctorId: 31, callerDoctorId: 30 })).toBe(false);
  });
});

describe('authorized', () => {
  it('returns the subject when allowed', () => {
    const subject = { name: 'the appointment' };
    expect(authorized(alice, 'appointment.read', subject, appointment)).toBe(subject);
  });

  it('refuses a missing subject as not found, even when the facts forgot to say so', () => {
    expect(() => authorized(admin, 'patient.read', undefined, { id: 4 })).toThrow(
      expect.objectContaining({ code: 'PATIENT_NOT_FOUND' }),
    );
  });
});
