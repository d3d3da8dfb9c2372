import { describe, expect, it } from 'vitest';
import {
  AppointmentIdInput,
  BookAppointmentInput,
  CancelAppointmentInput,
  CancelSittingInput,
  RateDoctorInput,
  SittingQueueInput,
} from './booking-schemas.js';

describe('booking schemas', () => {
  it('parses a booking with and without a date', () => {
    expect(BookAppointmentInput.parse({ patient_id: 1, slot_id: 2 })).toEqual({
      patient_id: 1,
      slot_id: 2,
    });
    expect(
      BookAppointmentInput.parse({
        patient_id: 1,
        slot_id: 2,
        date: '2026-03-02',
        idempotency_key: 'k-1',
      }),
    ).toEqual({
      patient_id: 1,
      slot_id: 2,
      date: '2026-03-02',
      idempotency_key: 'k-1',
    });
  });

  it('refuses bad ids, dates and keys', () => {
    expect(BookAppointmentInput.safeParse({ patient_id: 0, slot_id: 2 }).success).toBe(false);
    expect(
      BookAppointmentInput.safeParse({ patient_id: 1, slot_id: 2, date: '2026-02-30' }).success,
    ).toBe(false);
    expect(
      BookAppointmentInput.safeParse({ patient_id: 1, slot_id: 2, idempotency_key: 'a b' }).success,
    ).toBe(false);
    expect(
      BookAppointmentInput.safeParse({
        patient_id: 1,
        slot_id: 2,
        idempotency_key: 'x'.repeat(256),
      }).success,
    ).toBe(false);
  });

  it('coerces ids given in paths', () => {
    expect(AppointmentIdInput.parse({ id: '7' })).toEqual({ id: 7 });
    expect(CancelAppointmentInput.parse({ id: '7', reason: ' ill ' })).toEqual({
      id: 7,
      reason: 'ill',
    });
    expect(CancelSittingInput.parse({ slot_id: '3', date: '2026-03-02' })).toEqual({
      slot_id: 3,
      date: '2026-03-02',
    });
    expect(SittingQueueInput.parse({ slot_id: '3' })).toEqual({ slot_id: 3 });
    expect(CancelSittingInput.safeParse({ slot_id: 3 }).success).toBe(false);
  });

  it('a rating has 1–5 whole stars and a review of at most 2000 characters', () => {
    expect(RateDoctorInput.parse({ appointment_id: 1, stars: 5 })).toEqual({
      appointment_id: 1,
      stars: 5,
      review: '',
    });
    for (const stars of [0, 6, 4.5])
      expect(RateDoctorInput.safeParse({ appointment_id: 1, stars }).success).toBe(false);
    expect(
      RateDoctorInput.safeParse({ appointment_id: 1, stars: 5, review: 'x'.repeat(2001) }).success,
    ).toBe(false);
  });
});
