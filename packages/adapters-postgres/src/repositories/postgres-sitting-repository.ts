import {
  closableSittingStatuses,
  type LocalDate,
  type NewSitting,
  type Sitting,
  type SittingId,
  type SittingRepository,
  type SittingStatus,
  type SlotId,
} from '@doctorly/core';
import type { SqlExecutor } from '../sql/sql-client.js';
import { sittingColumns } from './columns.js';

/** {@link SittingRepository} on PostgreSQL: one row per (slot, date) by a unique key. @category Adapters */
export class PostgresSittingRepository implements SittingRepository {
  constructor(private readonly db: SqlExecutor) {}

  async ensure(sitting: NewSitting): Promise<Sitting> {
    const [created] = await this.db.query<Sitting>(
      `INSERT INTO sittings AS s (slot_id, doctor_id, date, starts_at, ends_at, places, duration_minutes)
       VALUES ($1, $2, $3::date, $4, $5, $6, $7)
       ON CONFLICT (slot_id, date) DO NOTHING
       RETURNING ${sittingColumns('s')}`,
      [
        sitting.slotId,
        sitting.doctorId,
        sitting.date,
        sitting.startsAt,
        sitting.endsAt,
        sitting.places,
        sitting.durationMinutes,
      ],
    );
    if (created) return created;
    // It existed, possibly committed by a concurrent `ensure` after this statement's snapshot
    // was taken: a new statement sees it.
    const existing = await this.findBySlotAndDate(sitting.slotId, sitting.date);
    if (!existing) throw new Error(`sitting of slot ${sitting.slotId} on ${sitting.date} vanished`);
    return existing;
  }

  async createMissing(sittings: readonly NewSitting[]): Promise<readonly Sitting[]> {
    if (sittings.length === 0) return [];
    // One statement for the lot: the worker adds a week of sittings for every slot per tick.
    const created = await this.db.query<Sitting>(
      `INSERT INTO sittings AS s (slot_id, doctor_id, date, starts_at, ends_at, places, duration_minutes)
       SELECT * FROM unnest($1::int[], $2::int[], $3::date[], $4::timestamptz[], $5::timestamptz[], $6::int[], $7::int[])
       ON CONFLICT (slot_id, date) DO NOTHING
       RETURNING ${sittingColumns('s')}`,
      [
        sittings.map((x) => x.slotId),
        sittings.map((x) => x.doctorId),
        sittings.map((x) => x.date),
        sittings.map((x) => x.startsAt),
        sittings.map((x) => x.endsAt),
        sittings.map((x) => x.places),
        sittings.map((x) => x.durationMinutes),
      ],
    );
    return [...created].sort((a, b) => a.slotId - b.slotId || a.date.localeCompare(b.date));
  }

  async findById(id: SittingId): Promise<Sitting | undefined> {
    const [row] = await this.db.query<Sitting>(
      `SELECT ${sittingColumns('s')} FROM sittings s WHERE s.id = $1`,
      [id],
    );
    return row;
  }

  async findBySlotAndDate(slotId: SlotId, date: LocalDate): Promise<Sitting | undefined> {
    const [row] = await this.db.query<Sitting>(
      `SELECT ${sittingColumns('s')} FROM sittings s WHERE s.slot_id = $1 AND s.date = $2::date`,
      [slotId, date],
    );
    return row;
  }

  listBySlot(slotId: SlotId, from: LocalDate, to: LocalDate): Promise<readonly Sitting[]> {
    return this.db.query<Sitting>(
      `SELECT ${sittingColumns('s')} FROM sittings s
       WHERE s.slot_id = $1 AND s.date BETWEEN $2::date AND $3::date ORDER BY s.date`,
      [slotId, from, to],
    );
  }

  listBySlots(
    slotIds: readonly SlotId[],
    from: LocalDate,
    to: LocalDate,
  ): Promise<readonly Sitting[]> {
    if (slotIds.length === 0) return Promise.resolve([]);
    return this.db.query<Sitting>(
      `SELECT ${sittingColumns('s')} FROM sittings s
       WHERE s.slot_id = ANY($1::int[]) AND s.date BETWEEN $2::date AND $3::date ORDER BY s.slot_id, s.date`,
      [slotIds, from, to],
    );
  }

  async setStatus(
    id: SittingId,
    status: 'cancelled' | 'completed',
    from: readonly SittingStatus[],
  ): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE sittings SET status = $2, version = version + 1
       WHERE id = $1 AND status = ANY($3::text[]) RETURNING id`,
      [id, status, from],
    );
    return rows.length > 0;
  }

  async start(id: SittingId, at: Date): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE sittings SET status = 'in_progress', started_at = $2, version = version + 1
       WHERE id = $1 AND status = 'scheduled' RETURNING id`,
      [id, at],
    );
    return rows.length > 0;
  }

  lock(ids: readonly SittingId[]): Promise<readonly Sitting[]> {
    if (ids.length === 0) return Promise.resolve([]);
    // Core's lock order (`SittingRepository.lock`, core/src/scheduling/sitting-repository.ts),
    // also the group commit's (book_appointments_on_dates, repeatable/043), not the ids'.
    // LockRows runs above the sort, so the rows are locked in the ORDER BY's order.
    return this.db.query<Sitting>(
      `SELECT ${sittingColumns('s')} FROM sittings s
       WHERE s.id = ANY($1::int[]) ORDER BY s.slot_id, s.date FOR UPDATE`,
      [ids],
    );
  }

  listEnded(now: Date, limit: number): Promise<readonly Sitting[]> {
    return this.db.query<Sitting>(
      `SELECT ${sittingColumns('s')} FROM sittings s
       WHERE s.status = ANY($3::text[]) AND s.ends_at <= $1 ORDER BY s.ends_at, s.id LIMIT $2`,
      [now, limit, closableSittingStatuses],
    );
  }
}
