import type { DoctorQualification, DoctorSnapshot, Slot } from '@doctorly/core';
import { weekdayOrder } from './columns.js';

/**
 * The select list of a {@link SnapshotRow}, over a doctor `d` and its user `u`: the related
 * lists come as JSON arrays from correlated subqueries on indexed columns, so a page of
 * doctors costs one statement, not one per doctor. Search selects it too (search-sql.ts).
 */
export const snapshotColumns = `d.id, d.user_id AS "userId", d.description, d.image, d.created_at AS "createdAt",
  u.name AS "userName", u.email AS "userEmail", u.role AS "userRole",
  u.registered_at AS "userRegisteredAt", u.confirmed AS "userConfirmed",
  d.rating_sum AS "ratingSum", d.rating_count AS "ratingCount",
  (SELECT count(DISTINCT a.patient_id) FROM appointments a
    WHERE a.doctor_id = d.id AND a.status <> 'cancelled')::integer AS "patientCount",
  (SELECT coalesce(json_agg(json_build_object('id', sp.id, 'name', sp.name) ORDER BY sp.id), '[]'::json)
    FROM doctor_specializations ds JOIN specializations sp ON sp.id = ds.specialization_id
    WHERE ds.doctor_id = d.id) AS specializations,
  (SELECT coalesce(json_agg(json_build_object('qualificationId', q.id, 'name', q.name,
      'procurementDate', dq.procurement_date, 'institute', dq.institute) ORDER BY dq.id), '[]'::json)
    FROM doctor_qualifications dq JOIN qualifications q ON q.id = dq.qualification_id
    WHERE dq.doctor_id = d.id) AS qualifications,
  (SELECT coalesce(json_agg(json_build_object('id', s.id, 'doctorId', s.doctor_id, 'day', s.day,
      'start', to_char(s.start, 'HH24:MI'), 'durationMinutes', s.duration_minutes, 'places', s.places,
      'fee', s.fee, 'timeZone', s.time_zone, 'createdAt', s.created_at)
      ORDER BY ${weekdayOrder('s.day')}, s.start, s.id), '[]'::json)
    FROM slots s WHERE s.doctor_id = d.id) AS slots`;

/**
 * The doctors `d` (with users `u`) whose ids are the int array `ids` (an SQL expression),
 * numbered by position as `ids.n`, for {@link snapshotColumns}.
 */
export const snapshotsJoin = (ids: string) =>
  `unnest(${ids}) WITH ORDINALITY AS ids(id, n) JOIN doctors d ON d.id = ids.id JOIN users u ON u.id = d.user_id`;

/** Snapshots of the doctors whose ids are `$1` (an int array), in that order, in one statement. */
export const snapshotsSql = `SELECT ${snapshotColumns}\nFROM ${snapshotsJoin('$1::integer[]')}\nORDER BY ids.n`;

/** A row of {@link snapshotsSql} (and of a search, search-sql.ts). */
export interface SnapshotRow {
  id: number;
  userId: number;
  description: string;
  image: string | null;
  createdAt: Date;
  userName: string;
  userEmail: string;
  userRole: 'admin' | 'user';
  userRegisteredAt: Date;
  userConfirmed: boolean;
  ratingSum: number;
  ratingCount: number;
  patientCount: number;
  specializations: { id: number; name: string }[];
  qualifications: DoctorQualification[];
  slots: (Omit<Slot, 'createdAt'> & { createdAt: string })[];
}

export function toSnapshot(row: SnapshotRow): DoctorSnapshot {
  return {
    doctor: { id: row.id, userId: row.userId, description: row.description, image: row.image, createdAt: row.createdAt },
    user: {
      id: row.userId, name: row.userName, email: row.userEmail, role: row.userRole,
      registeredAt: row.userRegisteredAt, confirmed: row.userConfirmed,
    },
    specializations: row.specializations,
    qualifications: row.qualifications,
    // Instants inside JSON arrive as ISO strings.
    slots: row.slots.map((slot) => ({ ...slot, createdAt: new Date(slot.createdAt) })),
    ratingSum: row.ratingSum,
    ratingCount: row.ratingCount,
    patientCount: row.patientCount,
  };
}
