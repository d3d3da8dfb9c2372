import {
  DomainError,
  joinRefused,
  type Appointment,
  type JoinRefusal,
  type JoinWaitlistRequest,
  type PromotionOutcome,
  type Sitting,
  type SittingId,
  type UserId,
  type WaitlistEntry,
  type WaitlistEntryDetails,
  type WaitlistEntryId,
  type WaitlistRepository,
} from '@doctorly/core';
import type { SqlExecutor } from '../sql/sql-client.js';
import { appointmentColumns, sittingColumns } from './columns.js';

/** A waitlist entry's columns as core's model, for a table alias. */
const entryColumns = (t: string) =>
  `${t}.id, ${t}.sitting_id AS "sittingId", ${t}.slot_id AS "slotId", ${t}.doctor_id AS "doctorId",
   ${t}.patient_id AS "patientId", ${t}.joined_by AS "joinedBy", ${t}.joined_at AS "joinedAt", ${t}.status,
   ${t}.ended_at AS "endedAt", ${t}.appointment_id AS "appointmentId"`;

type DetailsRow = WaitlistEntry & {
  position: number | null;
  patientName: string;
  doctorName: string;
};

/** Entries with their position and names; append `WHERE …`. */
const detailsSelect = `SELECT ${entryColumns('w')},
    CASE WHEN w.status = 'waiting' THEN (SELECT count(*) FROM waitlist_entries x
      WHERE x.sitting_id = w.sitting_id AND x.status = 'waiting' AND x.id <= w.id)::int END AS position,
    p.name AS "patientName", d.name AS "doctorName"
  FROM waitlist_entries w
  JOIN patients p ON p.id = w.patient_id
  JOIN doctors d ON d.id = w.doctor_id`;

/**
 * {@link WaitlistRepository} on PostgreSQL: joining and promotion are the SQL functions
 * `join_waitlist` (repeatable 044) and `promote_waitlist` (045); leaving and expiry lock the
 * sitting row first (the lock order of every writer), then change the entries and the
 * sitting's `waiting` count in the next statement, which sees the state the lock protects.
 * @category Adapters
 */
export class PostgresWaitlistRepository implements WaitlistRepository {
  constructor(private readonly db: SqlExecutor) {}

  async join(request: JoinWaitlistRequest): Promise<WaitlistEntryDetails> {
    const { sitting } = request;
    const [row] = await this.db.query<{ outcome: string; id: number | null }>(
      `SELECT o_outcome AS outcome, o_id AS id
       FROM join_waitlist($1, $2, $3::date, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        sitting.slotId,
        sitting.doctorId,
        sitting.date,
        sitting.startsAt,
        sitting.endsAt,
        sitting.places,
        sitting.durationMinutes,
        request.patientId,
        request.joinedBy,
        request.at,
        request.limits.maxActiveAppointmentsPerUser,
      ],
    );
    if (!row || row.outcome !== 'JOINED' || row.id === null) {
      throw joinRefused((row?.outcome ?? 'SITTING_NOT_FOUND') as JoinRefusal);
    }
    const details = await this.details(row.id);
    if (!details) throw new DomainError('WAITLIST_ENTRY_NOT_FOUND', `No waitlist entry ${row.id}.`);
    return details;
  }

  async leave(id: WaitlistEntryId, at: Date): Promise<WaitlistEntry | undefined> {
    const [found] = await this.db.query<{ sittingId: SittingId }>(
      `SELECT sitting_id AS "sittingId" FROM waitlist_entries WHERE id = $1`,
      [id],
    );
    if (!found) return undefined;
    await this.lockSitting(found.sittingId);
    const [left] = await this.db.query<WaitlistEntry>(
      `WITH ended AS (
         UPDATE waitlist_entries w SET status = 'left', ended_at = $2
         WHERE w.id = $1 AND w.status = 'waiting' RETURNING ${entryColumns('w')}
       ), counted AS (
         UPDATE sittings SET waiting = waiting - 1 WHERE id = $3 AND EXISTS (SELECT 1 FROM ended)
       )
       SELECT * FROM ended`,
      [id, at, found.sittingId],
    );
    return left;
  }

  async promote(sittingId: SittingId, at: Date): Promise<PromotionOutcome> {
    const rows = await this.db.query<{
      entryId: number;
      status: 'promoted' | 'expired';
      appointmentId: number | null;
    }>(
      `SELECT o_entry_id AS "entryId", o_status AS status, o_appointment_id AS "appointmentId"
       FROM promote_waitlist($1, $2)`,
      [sittingId, at],
    );
    if (rows.length === 0) return { promoted: [], expired: [] };
    const entries = await this.entries(rows.map((r) => r.entryId));
    const appointmentIds = rows.flatMap((r) => (r.appointmentId === null ? [] : [r.appointmentId]));
    const appointments = new Map(
      (
        await this.db.query<Appointment>(
          `SELECT ${appointmentColumns('a')} FROM appointments a WHERE a.id = ANY($1::int[])`,
          [appointmentIds],
        )
      ).map((a) => [a.id, a]),
    );
    return {
      promoted: rows
        .filter((r) => r.status === 'promoted')
        .map((r) => ({
          entry: entries.get(r.entryId)!,
          appointment: appointments.get(r.appointmentId!)!,
        })),
      expired: rows.filter((r) => r.status === 'expired').map((r) => entries.get(r.entryId)!),
    };
  }

  async expire(sittingId: SittingId, at: Date): Promise<readonly WaitlistEntry[]> {
    await this.lockSitting(sittingId);
    return this.db.query<WaitlistEntry>(
      `WITH ended AS (
         UPDATE waitlist_entries w SET status = 'expired', ended_at = $2
         WHERE w.sitting_id = $1 AND w.status = 'waiting' RETURNING ${entryColumns('w')}
       ), counted AS (
         UPDATE sittings SET waiting = 0 WHERE id = $1 AND EXISTS (SELECT 1 FROM ended)
       )
       SELECT * FROM ended ORDER BY id`,
      [sittingId, at],
    );
  }

  async details(id: WaitlistEntryId): Promise<WaitlistEntryDetails | undefined> {
    const rows = await this.db.query<DetailsRow>(`${detailsSelect} WHERE w.id = $1`, [id]);
    return (await this.withSittings(rows))[0];
  }

  async listByJoiner(userId: UserId, endedSince: Date): Promise<readonly WaitlistEntryDetails[]> {
    const rows = await this.db.query<DetailsRow>(
      `${detailsSelect}
       WHERE w.joined_by = $1 AND (w.status = 'waiting' OR w.ended_at >= $2)
       ORDER BY w.id DESC LIMIT 100`,
      [userId, endedSince],
    );
    return this.withSittings(rows);
  }

  waiting(sittingId: SittingId): Promise<readonly WaitlistEntry[]> {
    return this.db.query<WaitlistEntry>(
      `SELECT ${entryColumns('w')} FROM waitlist_entries w
       WHERE w.sitting_id = $1 AND w.status = 'waiting' ORDER BY w.id`,
      [sittingId],
    );
  }

  /** The sitting's row lock: every writer of its appointments and entries takes it first. */
  private async lockSitting(sittingId: SittingId): Promise<void> {
    await this.db.query(`SELECT 1 FROM sittings WHERE id = $1 FOR UPDATE`, [sittingId]);
  }

  private async entries(ids: readonly number[]): Promise<Map<number, WaitlistEntry>> {
    const rows = await this.db.query<WaitlistEntry>(
      `SELECT ${entryColumns('w')} FROM waitlist_entries w WHERE w.id = ANY($1::int[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The rows as core's details, with their sittings read at once. */
  private async withSittings(rows: readonly DetailsRow[]): Promise<WaitlistEntryDetails[]> {
    if (rows.length === 0) return [];
    const sittings = new Map(
      (
        await this.db.query<Sitting>(
          `SELECT ${sittingColumns('s')} FROM sittings s WHERE s.id = ANY($1::int[])`,
          [[...new Set(rows.map((r) => r.sittingId))]],
        )
      ).map((s) => [s.id, s]),
    );
    return rows.map(({ position, patientName, doctorName, ...entry }) => ({
      entry,
      sitting: sittings.get(entry.sittingId)!,
      position,
      patientName,
      doctorName,
    }));
  }
}
