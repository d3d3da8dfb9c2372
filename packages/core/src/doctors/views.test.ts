import { describe, expect, it } from 'vitest';
import type { AppointmentDetails } from '../booking/appointment.js';
import type { DoctorSnapshot } from './doctor.js';
import type { User } from '../identity/user.js';
import type { Slot } from '../scheduling/slot.js';
import { toAppointmentView, toTimingView } from '../booking/appointment-view.js';
import { toQualificationView, toSpecializationView } from '../catalog/catalog-view.js';
import { toPatientView } from '../patients/patient-view.js';
import { toDoctorView, toSlotView, toUserView } from './to-doctor-view.js';

const registeredAt = new Date('2022-08-24T13:47:29.234Z');
const user: User = {
  id: 2,
  name: 'doctor2',
  email: 'doctor2@example.com',
  passwordHash: 'secret-hash',
  role: 'user',
  registeredAt,
  confirmed: false,
};
const slot = (id: number, day: Slot['day'], start: string): Slot => ({
  id,
  doctorId: 1,
  day,
  start,
  durationMinutes: 10,
  places: 10,
  fee: 1,
  timeZone: 'Asia/Karachi',
  createdAt: registeredAt,
});
const { passwordHash: _hash, ...publicUser } = user;
const snapshot: DoctorSnapshot = {
  doctor: {
    id: 1,
    userId: 2,
    description: 'Hello I am a doctor',
    image: '/static/doctors/a.jpg',
    createdAt: registeredAt,
  },
  user: publicUser,
  specializations: [
    { id: 3, name: 'cardiologist' },
    { id: 1, name: 'allergist' },
  ],
  qualifications: [
    { qualificationId: 8, name: 'md', procurementDate: '2021-05-01', institute: 'Aga Khan' },
    { qualificationId: 1, name: 'mbbs', procurementDate: '2019-08-24', institute: 'Dow' },
  ],
  slots: [slot(15, 'tuesday', '09:00'), slot(14, 'monday', '10:30')],
  ratingSum: 14,
  ratingCount: 3,
  patientCount: 4,
};

describe('views', () => {
  it('a user view never carries the password hash', () => {
    const view = toUserView(user);
    expect(view).toEqual({
      id: 2,
      name: 'doctor2',
      email: 'doctor2@example.com',
      registered_at: '2022-08-24T13:47:29.234Z',
      confirmed: false,
      role: 'user',
    });
    expect(JSON.stringify(view)).not.toContain('secret-hash');
  });

  it('a slot view shows its end', () => {
    expect(toSlotView(slot(14, 'monday', '10:30'))).toEqual({
      id: 14,
      day: 'monday',
      start: '10:30',
      end: '12:10',
      consultation_fee: 1,
      appointment_duration: 10,
      num_slots: 10,
      time_zone: 'Asia/Karachi',
    });
  });

  it('a doctor view derives experience, rating and orders its parts', () => {
    const view = toDoctorView(snapshot, new Date('2022-08-25T00:00:00Z'));
    expect(view).toMatchObject({
      id: 1,
      description: 'Hello I am a doctor',
      image: '/static/doctors/a.jpg',
      experience: 3,
      rating: 4.67,
      rating_count: 3,
      no_of_patients: 4,
      specializations: [
        { id: 1, name: 'allergist' },
        { id: 3, name: 'cardiologist' },
      ],
      qualifications: {
        qualification_name: ['mbbs', 'md'],
        procurement_year: ['2019-08-24', '2021-05-01'],
        institute_name: ['Dow', 'Aga Khan'],
      },
    });
    expect(view.slot.map((s) => s.id)).toEqual([14, 15]);
    expect(view.user.email).toBe('doctor2@example.com');
    expect(JSON.stringify(view)).not.toContain('secret-hash');
  });

  it('a doctor without ratings or qualifications has rating null and no experience', () => {
    const view = toDoctorView(
      { ...snapshot, qualifications: [], ratingSum: 0, ratingCount: 0 },
      new Date('2030-01-01T00:00:00Z'),
    );
    expect(view.rating).toBeNull();
    expect(view.experience).toBe(0);
  });

  it('a patient view', () => {
    const createdAt = new Date('2026-01-05T09:00:00Z');
    expect(
      toPatientView({
        id: 5,
        ownerId: 2,
        name: 'Zara',
        age: 7,
        gender: 'female',
        symptoms: 'cough',
        createdAt,
      }),
    ).toEqual({
      id: 5,
      name: 'Zara',
      age: 7,
      gender: 'female',
      symptoms: 'cough',
      created_at: '2026-01-05T09:00:00.000Z',
    });
  });

  it('an appointment view gives the expected time and the patient window', () => {
    const details: AppointmentDetails = {
      appointment: {
        id: 9,
        sittingId: 4,
        slotId: 14,
        doctorId: 1,
        patientId: 5,
        queueNumber: 3,
        status: 'booked',
        bookedBy: 2,
        bookedAt: new Date('2026-01-04T08:00:00Z'),
        idempotencyKey: null,
        calledAt: null,
        completedAt: null,
        rescheduledTo: null,
      },
      date: '2026-01-05',
      sittingStartsAt: new Date('2026-01-05T05:30:00Z'),
      sittingStatus: 'scheduled',
      sittingStartedAt: null,
      durationMinutes: 10,
      patientName: 'Zara',
      patientOwnerId: 2,
      doctorName: 'doctor2',
      doctorUserId: 3,
    };
    const live = { expectedAt: new Date('2026-01-05T06:10:00Z'), ahead: 2, nowServing: null };
    expect(toAppointmentView(details, live)).toEqual({
      id: 9,
      patient_id: 5,
      patient_name: 'Zara',
      doctor_id: 1,
      doctor_name: 'doctor2',
      slot_id: 14,
      sitting_id: 4,
      date: '2026-01-05',
      queue_number: 3,
      expected_time: '2026-01-05T05:50:00.000Z',
      expected_at: '2026-01-05T06:10:00.000Z',
      ahead: 2,
      now_serving: null,
      status: 'booked',
      booked_at: '2026-01-04T08:00:00.000Z',
      rescheduled_to: null,
      timings: { start: '2026-01-05T05:50:00.000Z', end: '2026-01-05T06:00:00.000Z' },
    });
  });

  it('a timing view and catalog views', () => {
    const times = {
      date: '2026-01-05',
      startsAt: new Date('2026-01-05T05:30:00Z'),
      endsAt: new Date('2026-01-05T07:10:00Z'),
    };
    expect(toTimingView(slot(14, 'monday', '10:30'), times, 2)).toMatchObject({
      occurring_date: '2026-01-05',
      starts_at: '2026-01-05T05:30:00.000Z',
      ends_at: '2026-01-05T07:10:00.000Z',
      slots_booked: 2,
    });
    expect(toSpecializationView({ id: 1, name: 'allergist', image: null })).toEqual({
      id: 1,
      name: 'allergist',
      image: null,
    });
    expect(toQualificationView({ id: 1, name: 'mbbs' })).toEqual({ id: 1, name: 'mbbs' });
  });
});
