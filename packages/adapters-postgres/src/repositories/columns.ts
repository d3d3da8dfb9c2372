// Column lists that read rows straight into core's models (camelCase aliases), one per table,
// for a given table alias. `date` columns come back as `YYYY-MM-DD` strings (type-parsers.ts).

export const userColumns = (t: string) =>
  `${t}.id, ${t}.name, ${t}.email, ${t}.password_hash AS "passwordHash", ${t}.role,
   ${t}.registered_at AS "registeredAt", ${t}.confirmed`;

export const doctorColumns = (t: string) =>
  `${t}.id, ${t}.user_id AS "userId", ${t}.description, ${t}.image, ${t}.created_at AS "createdAt"`;

export const patientColumns = (t: string) =>
  `${t}.id, ${t}.owner_id AS "ownerId", ${t}.name, ${t}.age, ${t}.gender, ${t}.symptoms, ${t}.created_at AS "createdAt"`;

export const slotColumns = (t: string) =>
  `${t}.id, ${t}.doctor_id AS "doctorId", ${t}.day, to_char(${t}.start, 'HH24:MI') AS start,
   ${t}.duration_minutes AS "durationMinutes", ${t}.places, ${t}.fee, ${t}.time_zone AS "timeZone",
   ${t}.created_at AS "createdAt"`;

export const sittingColumns = (t: string) =>
  `${t}.id, ${t}.slot_id AS "slotId", ${t}.doctor_id AS "doctorId", ${t}.date, ${t}.starts_at AS "startsAt",
   ${t}.ends_at AS "endsAt", ${t}.status, ${t}.booked, ${t}.places, ${t}.duration_minutes AS "durationMinutes",
   ${t}.started_at AS "startedAt", ${t}.version`;

export const appointmentColumns = (t: string) =>
  `${t}.id, ${t}.sitting_id AS "sittingId", ${t}.slot_id AS "slotId", ${t}.doctor_id AS "doctorId",
   ${t}.patient_id AS "patientId", ${t}.queue_number AS "queueNumber", ${t}.status, ${t}.booked_by AS "bookedBy",
   ${t}.booked_at AS "bookedAt", ${t}.idempotency_key AS "idempotencyKey", ${t}.called_at AS "calledAt",
   ${t}.completed_at AS "completedAt", ${t}.rescheduled_to AS "rescheduledTo"`;

export const ratingColumns = (t: string) =>
  `${t}.id, ${t}.doctor_id AS "doctorId", ${t}.patient_id AS "patientId", ${t}.appointment_id AS "appointmentId",
   ${t}.stars, ${t}.review, ${t}.rated_by AS "ratedBy", ${t}.created_at AS "createdAt"`;

/** Weekday order for `ORDER BY`: Monday first, as core's `weekdays`. */
export const weekdayOrder = (column: string) =>
  `array_position(ARRAY['monday','tuesday','wednesday','thursday','friday','saturday','sunday'], ${column})`;
