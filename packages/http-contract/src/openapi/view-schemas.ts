import {
  appointmentStatuses,
  genders,
  sittingStatuses,
  waitlistStatuses,
  weekdays,
} from '@doctorly/core';
import { z } from '../zod.js';

const instant = z.string().openapi({ format: 'date-time', example: '2026-11-30T10:30:00.000Z' });
const localDate = z.string().openapi({ format: 'date', example: '2026-11-30' });
const localTime = z.string().openapi({ pattern: '^\\d{2}:\\d{2}$', example: '10:30' });
const id = z.number().int().openapi({ example: 1 });

/** The schema of core's `UserView`: the `User` component of the OpenAPI document. @category Views */
export const UserViewSchema = z
  .object({
    id,
    name: z.string(),
    email: z.string(),
    registered_at: instant,
    confirmed: z.boolean(),
    role: z.enum(['admin', 'user']),
  })
  .openapi('User');

/** The schema of core's `SlotView`: the `Slot` component of the OpenAPI document. @category Views */
export const SlotViewSchema = z
  .object({
    id,
    day: z.enum(weekdays),
    start: localTime,
    end: localTime,
    consultation_fee: z.number(),
    appointment_duration: z.number().int(),
    num_slots: z.number().int(),
    time_zone: z.string().openapi({ example: 'Asia/Karachi' }),
  })
  .openapi('Slot');

/** The schema of core's `DoctorView`: the `Doctor` component of the OpenAPI document. @category Views */
export const DoctorViewSchema = z
  .object({
    id,
    user: UserViewSchema,
    description: z.string(),
    image: z.string().nullable().openapi({
      description: 'Absolute URL of the profile picture, or null.',
      example: 'http://localhost:5000/static/doctors/5f0c….jpg',
    }),
    experience: z
      .number()
      .int()
      .openapi({ description: 'Whole years since the earliest qualification.' }),
    rating: z
      .number()
      .nullable()
      .openapi({ description: 'Mean of the ratings; null without ratings.' }),
    rating_count: z.number().int(),
    no_of_patients: z.number().int(),
    specializations: z.array(z.object({ id, name: z.string() })),
    qualifications: z.object({
      qualification_name: z.array(z.string()),
      procurement_year: z.array(localDate),
      institute_name: z.array(z.string()),
    }),
    slot: z.array(SlotViewSchema),
  })
  .openapi('Doctor');

/** The schema of core's `PatientView`: the `Patient` component of the OpenAPI document. @category Views */
export const PatientViewSchema = z
  .object({
    id,
    name: z.string(),
    age: z.number().int(),
    gender: z.enum(genders),
    symptoms: z.string(),
    created_at: instant,
  })
  .openapi('Patient');

/** The schema of core's `AppointmentView`: the `Appointment` component of the OpenAPI document. @category Views */
export const AppointmentViewSchema = z
  .object({
    id,
    patient_id: id,
    patient_name: z.string(),
    doctor_id: id,
    doctor_name: z.string(),
    slot_id: id,
    sitting_id: id,
    date: localDate,
    queue_number: z.number().int(),
    expected_time: instant.openapi({
      description: 'The planned time: sitting start + (queue_number − 1) × appointment duration.',
    }),
    expected_at: instant.nullable().openapi({
      description:
        'The live expected time (late start, long consultations, people ahead who cancelled or did not come); null when not waiting.',
    }),
    ahead: z.number().int().nullable().openapi({
      description: 'Waiting appointments before this one; null when not waiting.',
    }),
    now_serving: z.number().int().nullable().openapi({
      description: 'The queue number in consultation in this sitting now, or null.',
    }),
    status: z.enum(appointmentStatuses),
    booked_at: instant,
    rescheduled_to: id.nullable().openapi({
      description:
        'The appointment a reschedule moved this one to (this one is then cancelled, reason `rescheduled`); null otherwise.',
    }),
    timings: z.object({ start: instant, end: instant }),
  })
  .openapi('Appointment');

/** The schema of core's `AppointmentHistoryView`: the `AppointmentHistory` component of the OpenAPI document. @category Views */
export const AppointmentHistoryViewSchema = z
  .object({
    appointment: AppointmentViewSchema,
    history: z.array(
      z.object({
        status: z.enum(appointmentStatuses),
        actor_id: id.nullable(),
        at: instant,
        reason: z.string().nullable(),
      }),
    ),
  })
  .openapi('AppointmentHistory');

/** The schema of core's `TimingView`: the `Timing` component of the OpenAPI document. @category Views */
export const TimingViewSchema = z
  .object({
    slot: SlotViewSchema,
    occurring_date: localDate,
    starts_at: instant,
    ends_at: instant,
    slots_booked: z.number().int(),
  })
  .openapi('Timing');

/** The schema of core's `SittingQueueView`: the `SittingQueue` component of the OpenAPI document. @category Views */
export const SittingQueueViewSchema = z
  .object({
    slot_id: id,
    sitting_id: id.nullable(),
    date: localDate,
    status: z.enum(sittingStatuses),
    starts_at: instant,
    ends_at: instant,
    places: z.number().int(),
    booked: z.number().int(),
    appointments: z.array(AppointmentViewSchema),
  })
  .openapi('SittingQueue');

/** The schema of core's `SittingBoardView`: the `SittingBoard` component of the OpenAPI document. @category Views */
export const SittingBoardViewSchema = z
  .object({
    sitting_id: id,
    doctor_id: id,
    doctor_name: z.string(),
    date: localDate,
    status: z.enum(sittingStatuses),
    started_at: instant.nullable(),
    now_serving: z.number().int().nullable(),
    waiting: z.number().int(),
    queue: z.array(
      z.object({
        queue_number: z.number().int(),
        status: z.enum(appointmentStatuses),
        expected_at: instant.nullable(),
      }),
    ),
    version: z.number().int().openapi({
      description: 'Increases with every change of the sitting or its appointments.',
    }),
  })
  .openapi('SittingBoard');

/** The schema of core's `CancelledSittingView`: the `CancelledSitting` component of the OpenAPI document. @category Views */
export const CancelledSittingViewSchema = z
  .object({
    slot_id: id,
    sitting_id: id,
    date: localDate,
    status: z.literal('cancelled'),
    cancelled_appointments: z.number().int(),
  })
  .openapi('CancelledSitting');

/** The schema of core's `RatingView`: the `Rating` component of the OpenAPI document. @category Views */
export const RatingViewSchema = z
  .object({
    id,
    doctor_id: id,
    patient_id: id,
    appointment_id: id,
    stars: z.number().int().min(1).max(5),
    review: z.string(),
    created_at: instant,
  })
  .openapi('Rating');

/** The schema of core's `WaitlistEntryView`: the `WaitlistEntry` component of the OpenAPI document. @category Views */
export const WaitlistEntryViewSchema = z
  .object({
    id,
    patient_id: id,
    patient_name: z.string(),
    status: z.enum(waitlistStatuses),
    position: z.number().int().nullable().openapi({
      description: '1 for the next entry to be promoted; null when it no longer waits.',
    }),
    joined_at: instant,
    ended_at: instant.nullable(),
    appointment_id: id.nullable().openapi({
      description: 'The appointment its promotion gave it; null unless promoted.',
    }),
    sitting: z.object({
      id,
      slot_id: id,
      doctor_id: id,
      doctor_name: z.string(),
      date: localDate,
      starts_at: instant,
      places: z.number().int(),
    }),
  })
  .openapi('WaitlistEntry');

/** The schema of core's `TokenView`: the `Token` component of the OpenAPI document. @category Views */
export const TokenViewSchema = z
  .object({ token: z.string(), expires_at: instant })
  .openapi('Token');

/** The schema of core's `SpecializationView`: the `Specialization` component of the OpenAPI document. @category Views */
export const SpecializationViewSchema = z
  .object({
    id,
    name: z.string(),
    image: z.string().nullable().openapi({ description: 'Absolute URL of the image, or null.' }),
  })
  .openapi('Specialization');

/** The schema of core's `QualificationView`: the `Qualification` component of the OpenAPI document. @category Views */
export const QualificationViewSchema = z.object({ id, name: z.string() }).openapi('Qualification');

/** The schema of {@link ErrorBody}: the `Error` component of the OpenAPI document. @category Errors */
export const ErrorBodySchema = z
  .object({
    code: z.string().openapi({ description: 'Stable error code.', example: 'VALIDATION_FAILED' }),
    message: z.string().openapi({ description: 'What went wrong this time.' }),
    description: z.string().openapi({ description: 'What the code means.' }),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: 'The invalid fields (validation failures).' }),
    request_id: z.string().optional().openapi({ description: 'On 500 answers: the id to quote.' }),
  })
  .openapi('Error');

/** The body of `/healthz` and `/readyz`. @category Views */
export const HealthSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    checks: z
      .record(z.string(), z.object({ ok: z.boolean(), detail: z.string().optional() }))
      .optional(),
  })
  .openapi('Health');
