import type { DoctorId, NewSlot, Slot, SlotId, SlotRepository } from '@doctorly/core';
import type { SqlExecutor } from '../sql/sql-client.js';
import { slotColumns, weekdayOrder } from './columns.js';

/**
 * {@link SlotRepository} on PostgreSQL. Overlaps are refused by an exclusion constraint
 * (btree_gist over doctor, weekday and the local minute range), so two concurrent
 * `create`s cannot both slip in: the loser gets `SLOT_OVERLAP`.
 * @category Adapters
 */
export class PostgresSlotRepository implements SlotRepository {
  constructor(private readonly db: SqlExecutor) {}

  async create(slot: NewSlot): Promise<Slot> {
    const [row] = await this.db.query<Slot>(
      `INSERT INTO slots AS s (doctor_id, day, start, duration_minutes, places, fee, time_zone, created_at)
       VALUES ($1, $2, $3::time, $4, $5, $6, $7, $8) RETURNING ${slotColumns('s')}`,
      [
        slot.doctorId,
        slot.day,
        slot.start,
        slot.durationMinutes,
        slot.places,
        slot.fee,
        slot.timeZone,
        slot.createdAt,
      ],
    );
    return row!;
  }

  async findById(id: SlotId): Promise<Slot | undefined> {
    const [row] = await this.db.query<Slot>(
      `SELECT ${slotColumns('s')} FROM slots s WHERE s.id = $1`,
      [id],
    );
    return row;
  }

  listByDoctor(doctorId: DoctorId): Promise<readonly Slot[]> {
    return this.db.query<Slot>(
      `SELECT ${slotColumns('s')} FROM slots s WHERE s.doctor_id = $1 ORDER BY ${weekdayOrder('s.day')}, s.start, s.id`,
      [doctorId],
    );
  }

  listAfter(afterId: SlotId, limit: number): Promise<readonly Slot[]> {
    return this.db.query<Slot>(
      `SELECT ${slotColumns('s')} FROM slots s WHERE s.id > $1 ORDER BY s.id LIMIT $2`,
      [afterId, limit],
    );
  }
}
