import type { Appointment, AppointmentDetails } from '@doctorly/core';
import { appointmentColumns } from './columns.js';

/** A row of {@link detailsSelect}: the appointment's columns and the facts presented with it. */
export type DetailsRow = Appointment & Omit<AppointmentDetails, 'appointment'>;

/** Appointments with their sitting, patient and doctor facts; append `WHERE …`. */
export const detailsSelect = `SELECT ${appointmentColumns('a')}, s.date, s.starts_at AS "sittingStartsAt",
    s.status AS "sittingStatus", s.started_at AS "sittingStartedAt", s.duration_minutes AS "durationMinutes", p.name AS "patientName",
    p.owner_id AS "patientOwnerId", d.name AS "doctorName", d.user_id AS "doctorUserId"
  FROM appointments a
  JOIN sittings s ON s.id = a.sitting_id
  JOIN patients p ON p.id = a.patient_id
  JOIN doctors d ON d.id = a.doctor_id`;

/** Splits a {@link DetailsRow} into core's shape. */
export function toDetails(row: DetailsRow): AppointmentDetails {
  const {
    date,
    sittingStartsAt,
    sittingStatus,
    sittingStartedAt,
    durationMinutes,
    patientName,
    patientOwnerId,
    doctorName,
    doctorUserId,
    ...appointment
  } = row;
  return {
    appointment,
    date,
    sittingStartsAt,
    sittingStatus,
    sittingStartedAt,
    durationMinutes,
    patientName,
    patientOwnerId,
    doctorName,
    doctorUserId,
  };
}
