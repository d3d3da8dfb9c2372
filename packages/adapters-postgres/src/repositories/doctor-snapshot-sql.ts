import type { DoctorQualification, DoctorSnapshot, Slot } from '@doctorly/core';

/**
 * The select list of a {@link SnapshotRow}, over a doctor `d` and its user `u`: the related
 * lists come from the doctor's `card` (migrations/0009_doctor_cards.sql, kept in step by
 * the triggers of migrations/repeatable/), so a page of doctors costs one statement and one row per doctor. Only the patient
 * count is counted here: bookings change it, and they stay free of any doctor-row write.
 * Search selects it too (search-sql.ts).
 */
export const snapshotColumns = `d.id, d.user_id AS "userId", d.description, d.image, d.created_at AS "createdAt",
  u.name AS "userName", u.email AS "userEmail", u.role AS "userRole",
  u.registered_at AS "userRegisteredAt", u.confirmed AS "userConfirmed",
  d.rating_sum AS "ratingSum", d.rating_count AS "ratingCount",
  (SELECT count(DISTINCT a.patient_id) FROM appointments a
    WHERE a.doctor_id = d.id AND a.status <> 'cancelled')::integer AS "patientCount",
  d.card`;

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
  card: DoctorCard;
}

/**
 * A doctor's `card` column as it arrives: the snapshot's lists, in the snapshot's orders
 * (specializations by id, qualifications as added, slots by weekday, start and id).
 */
export interface DoctorCard {
  specializations: { id: number; name: string }[];
  qualifications: DoctorQualification[];
  slots: (Omit<Slot, 'createdAt'> & { createdAt: string })[];
}

/** The {@link DoctorSnapshot} of a {@link SnapshotRow}. */
export function toSnapshot(row: SnapshotRow): DoctorSnapshot {
  const { card } = row;
  return {
    doctor: {
      id: row.id,
      userId: row.userId,
      description: row.description,
      image: row.image,
      createdAt: row.createdAt,
    },
    user: {
      id: row.userId,
      name: row.userName,
      email: row.userEmail,
      role: row.userRole,
      registeredAt: row.userRegisteredAt,
      confirmed: row.userConfirmed,
    },
    specializations: card.specializations,
    qualifications: card.qualifications,
    // Instants inside JSON arrive as ISO strings.
    slots: card.slots.map((slot) => ({ ...slot, createdAt: new Date(slot.createdAt) })),
    ratingSum: row.ratingSum,
    ratingCount: row.ratingCount,
    patientCount: row.patientCount,
  };
}
