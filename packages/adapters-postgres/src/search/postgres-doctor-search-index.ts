import {
  toDoctorView, type Clock, type DoctorId, type DoctorSearchIndex, type DoctorSearchQuery, type DoctorView, type Page,
} from '@doctorly/core';
import { PostgresDoctorRepository } from '../repositories/postgres-doctor-repository.js';
import type { SqlClient } from '../sql/sql-client.js';
import { searchStatement } from './search-sql.js';

/**
 * {@link DoctorSearchIndex} answered by PostgreSQL itself: the data is already there, so
 * `prepare`, `upsert` and `remove` have nothing to do. Name matching (prefix or one typo),
 * filters, sorting and paging run in one indexed statement (migrations/0003_search.sql);
 * the page's doctors are then assembled in one more. Experience is counted to the
 * {@link Clock}'s today (UTC), as core's views do.
 * @category Adapters
 */
export class PostgresDoctorSearchIndex implements DoctorSearchIndex {
  readonly engine = 'postgres';
  private readonly doctors: PostgresDoctorRepository;

  constructor(private readonly sql: SqlClient, private readonly clock: Clock) {
    this.doctors = new PostgresDoctorRepository(sql);
  }

  prepare(): Promise<void> {
    return Promise.resolve();
  }

  upsert(_doctor: DoctorView): Promise<void> {
    return Promise.resolve();
  }

  remove(_doctorId: DoctorId): Promise<void> {
    return Promise.resolve();
  }

  async search(query: DoctorSearchQuery): Promise<Page<DoctorView>> {
    const now = this.clock.now();
    const statement = searchStatement(query, now);
    if (!statement) return { items: [], total: 0 };
    const [row] = await this.sql.query<{ total: number; ids: number[] }>(statement.text, statement.params);
    const snapshots = row!.ids.length === 0 ? [] : await this.doctors.snapshots(row!.ids);
    return { items: snapshots.map((snapshot) => toDoctorView(snapshot, now)), total: row!.total };
  }

  async get(doctorId: DoctorId): Promise<DoctorView | undefined> {
    const snapshot = await this.doctors.snapshot(doctorId);
    return snapshot && toDoctorView(snapshot, this.clock.now());
  }

  async ids(): Promise<readonly DoctorId[]> {
    const rows = await this.sql.query<{ id: number }>('SELECT id FROM doctors ORDER BY id');
    return rows.map((row) => row.id);
  }
}
