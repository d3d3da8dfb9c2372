import {
  toDoctorView,
  type Clock,
  type DoctorId,
  type DoctorSearchIndex,
  type DoctorSearchQuery,
  type DoctorView,
  type Page,
} from '@doctorly/core';
import { toSnapshot, type SnapshotRow } from '../repositories/doctor-snapshot-sql.js';
import { PostgresDoctorRepository } from '../repositories/postgres-doctor-repository.js';
import type { SqlClient } from '../sql/sql-client.js';
import { searchStatement, type SearchRow } from './search-sql.js';

/**
 * {@link DoctorSearchIndex} answered by PostgreSQL itself: the data is already there, so
 * `prepare`, `upsert` and `remove` have nothing to do (`keepsDocuments` is false). Name
 * matching (prefix or one typo), filters, sorting, paging and the page's doctors (each from its
 * row and its `card`) come from one indexed statement (migrations/0003_search.sql,
 * 0006_search_filters.sql, 0009_doctor_cards.sql). Experience is
 * counted to the {@link Clock}'s today (UTC), as core's views do.
 * @category Adapters
 */
export class PostgresDoctorSearchIndex implements DoctorSearchIndex {
  readonly engine = 'postgres';
  readonly keepsDocuments = false;
  private readonly doctors: PostgresDoctorRepository;

  constructor(
    private readonly sql: SqlClient,
    private readonly clock: Clock,
  ) {
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
    // Prepared: planning costs as much as running (searchStatement says which texts are kept).
    const rows = await this.sql.query<SearchRow>(statement.text, statement.params, {
      prepare: statement.prepare,
    });
    const items = rows
      .filter((row): row is SearchRow & SnapshotRow => row.id !== null)
      .map((row) => toDoctorView(toSnapshot(row), now));
    return { items, total: rows[0]?.total ?? 0 };
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
