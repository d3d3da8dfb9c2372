import type {
  DoctorId,
  HeldSittings,
  Leave,
  LeaveId,
  LeaveRepository,
  LocalDate,
  NewLeave,
  NewSitting,
  Page,
  PageRequest,
  Sitting,
  SittingId,
} from '@doctorly/core';
import type { SqlExecutor } from '../sql/sql-client.js';
import { sittingColumns } from './columns.js';
import { queryPage } from './paging.js';

const leaveColumns = (t: string) =>
  `${t}.id, ${t}.doctor_id AS "doctorId", ${t}.from_date AS "from", ${t}.to_date AS "to", ${t}.reason,
   ${t}.created_by AS "createdBy", ${t}.created_at AS "createdAt", ${t}.reopened_at AS "reopenedAt",
   ${t}.cancelled_sittings AS "cancelledSittings", ${t}.cancelled_appointments AS "cancelledAppointments"`;

/**
 * {@link LeaveRepository} on PostgreSQL (the rules are core's, packages/core/src/leave/).
 * Lock order: the doctor's row (`FOR NO KEY UPDATE`, the lock a slot insert's trigger takes
 * too, so a leave and a new slot of one doctor serialize), then sitting rows — the ones this
 * transaction creates, then stored ones by ascending id —, then their appointments (through
 * `transition_appointments`, which locks the sitting first as every booking does).
 * @category Adapters
 */
export class PostgresLeaveRepository implements LeaveRepository {
  constructor(private readonly db: SqlExecutor) {}

  async findById(id: LeaveId): Promise<Leave | undefined> {
    const [row] = await this.db.query<Leave>(
      `SELECT ${leaveColumns('l')} FROM doctor_leaves l WHERE l.id = $1`,
      [id],
    );
    return row;
  }

  listByDoctor(doctorId: DoctorId, page: PageRequest): Promise<Page<Leave>> {
    return queryPage<Leave>(
      this.db,
      `SELECT count(*) OVER ()::integer AS total, ${leaveColumns('l')} FROM doctor_leaves l
       WHERE l.doctor_id = $1 ORDER BY l.id DESC LIMIT $2 OFFSET $3`,
      'SELECT count(*)::integer AS total FROM doctor_leaves WHERE doctor_id = $1',
      [doctorId],
      page,
    );
  }

  listActive(doctorId: DoctorId, onOrAfter: LocalDate): Promise<readonly Leave[]> {
    return this.db.query<Leave>(
      `SELECT ${leaveColumns('l')} FROM doctor_leaves l
       WHERE l.doctor_id = $1 AND l.reopened_at IS NULL AND l.to_date >= $2::date ORDER BY l.id`,
      [doctorId, onOrAfter],
    );
  }

  listSittings(id: LeaveId): Promise<readonly Sitting[]> {
    return this.db.query<Sitting>(
      `SELECT ${sittingColumns('s')} FROM sittings s WHERE s.leave_id = $1 ORDER BY s.id`,
      [id],
    );
  }

  async lockDoctor(doctorId: DoctorId): Promise<void> {
    await this.db.query('SELECT 1 FROM doctors WHERE id = $1 FOR NO KEY UPDATE', [doctorId]);
  }

  async create(leave: NewLeave): Promise<Leave> {
    const [row] = await this.db.query<Leave>(
      `INSERT INTO doctor_leaves AS l (doctor_id, from_date, to_date, reason, created_by, created_at)
       VALUES ($1, $2::date, $3::date, $4, $5, $6) RETURNING ${leaveColumns('l')}`,
      [leave.doctorId, leave.from, leave.to, leave.reason, leave.createdBy, leave.createdAt],
    );
    return row!;
  }

  async addCounts(id: LeaveId, sittings: number, appointments: number): Promise<void> {
    await this.db.query(
      `UPDATE doctor_leaves SET cancelled_sittings = cancelled_sittings + $2,
         cancelled_appointments = cancelled_appointments + $3 WHERE id = $1`,
      [id, sittings, appointments],
    );
  }

  async cancelSittings(id: LeaveId, sittings: readonly NewSitting[]): Promise<HeldSittings> {
    if (sittings.length === 0) return { created: [], cancelled: [] };
    const keys = [sittings.map((x) => x.slotId), sittings.map((x) => x.date)];
    // First the dates not stored: created cancelled (a concurrent booking's insert of the
    // same date makes this wait, then skip it: the next statement sees it).
    const created = await this.db.query<Sitting>(
      `INSERT INTO sittings AS s (slot_id, doctor_id, date, starts_at, ends_at, places, duration_minutes, status, leave_id)
       SELECT u.*, 'cancelled', $8::int FROM unnest($1::int[], $2::int[], $3::date[], $4::timestamptz[],
         $5::timestamptz[], $6::int[], $7::int[]) AS u ORDER BY 1, 3
       ON CONFLICT (slot_id, date) DO NOTHING
       RETURNING ${sittingColumns('s')}`,
      [
        keys[0],
        sittings.map((x) => x.doctorId),
        keys[1],
        sittings.map((x) => x.startsAt),
        sittings.map((x) => x.endsAt),
        sittings.map((x) => x.places),
        sittings.map((x) => x.durationMinutes),
        id,
      ],
    );
    // Then the stored scheduled ones, locked by ascending id; a new statement, so it sees
    // sittings other transactions committed meanwhile.
    const cancelled = await this.db.query<Sitting>(
      `WITH target AS (
         SELECT s.id FROM sittings s
         JOIN unnest($1::int[], $2::date[]) AS u(slot_id, date) ON s.slot_id = u.slot_id AND s.date = u.date
         WHERE s.status = 'scheduled' ORDER BY s.id FOR NO KEY UPDATE OF s
       )
       UPDATE sittings s SET status = 'cancelled', leave_id = $3, version = s.version + 1
       FROM target t WHERE s.id = t.id AND s.status = 'scheduled'
       RETURNING ${sittingColumns('s')}`,
      [keys[0], keys[1], id],
    );
    const byId = (a: Sitting, b: Sitting) => a.id - b.id;
    return { created: [...created].sort(byId), cancelled: [...cancelled].sort(byId) };
  }

  async markReopened(id: LeaveId, at: Date): Promise<boolean> {
    const rows = await this.db.query(
      'UPDATE doctor_leaves SET reopened_at = $2 WHERE id = $1 AND reopened_at IS NULL RETURNING id',
      [id, at],
    );
    return rows.length > 0;
  }

  async reopenSittings(
    id: LeaveId,
    ids: readonly SittingId[],
    now: Date,
  ): Promise<readonly Sitting[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.query<Sitting>(
      `WITH target AS (
         SELECT s.id FROM sittings s
         WHERE s.id = ANY($2::int[]) AND s.leave_id = $1 AND s.status = 'cancelled' AND s.starts_at > $3
         ORDER BY s.id FOR NO KEY UPDATE OF s
       )
       UPDATE sittings s SET status = 'scheduled', leave_id = NULL, version = s.version + 1
       FROM target t WHERE s.id = t.id
       RETURNING ${sittingColumns('s')}`,
      [id, ids, now],
    );
    return [...rows].sort((a, b) => a.id - b.id);
  }

  async handOver(from: LeaveId, to: LeaveId, ids: readonly SittingId[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(
      `UPDATE sittings SET leave_id = $2
       WHERE id IN (SELECT id FROM sittings WHERE id = ANY($3::int[]) AND leave_id = $1 ORDER BY id FOR NO KEY UPDATE)`,
      [from, to, ids],
    );
  }
}
