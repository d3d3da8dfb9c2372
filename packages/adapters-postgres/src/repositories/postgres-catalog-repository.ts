import {
  normalizeCatalogName,
  type CatalogRepository,
  type Qualification,
  type Specialization,
  type SpecializationId,
} from '@doctorly/core';
import type { SqlExecutor } from '../sql/sql-client.js';

const normalized = (names: readonly string[]) => [...new Set(names.map(normalizeCatalogName))];

/** {@link CatalogRepository} on PostgreSQL; `seed` is `INSERT … ON CONFLICT DO NOTHING`. @category Adapters */
export class PostgresCatalogRepository implements CatalogRepository {
  constructor(private readonly db: SqlExecutor) {}

  listSpecializations(): Promise<readonly Specialization[]> {
    return this.db.query<Specialization>('SELECT id, name, image FROM specializations ORDER BY id');
  }

  listQualifications(): Promise<readonly Qualification[]> {
    return this.db.query<Qualification>('SELECT id, name FROM qualifications ORDER BY id');
  }

  async findSpecialization(id: SpecializationId): Promise<Specialization | undefined> {
    const [row] = await this.db.query<Specialization>(
      'SELECT id, name, image FROM specializations WHERE id = $1',
      [id],
    );
    return row;
  }

  findSpecializationsByName(names: readonly string[]): Promise<readonly Specialization[]> {
    return this.db.query<Specialization>(
      'SELECT id, name, image FROM specializations WHERE name = ANY($1::text[]) ORDER BY id',
      [normalized(names)],
    );
  }

  findQualificationsByName(names: readonly string[]): Promise<readonly Qualification[]> {
    return this.db.query<Qualification>(
      'SELECT id, name FROM qualifications WHERE name = ANY($1::text[]) ORDER BY id',
      [normalized(names)],
    );
  }

  async setSpecializationImage(id: SpecializationId, image: string): Promise<void> {
    await this.db.query('UPDATE specializations SET image = $2 WHERE id = $1', [id, image]);
  }

  async seed(specializations: readonly string[], qualifications: readonly string[]): Promise<void> {
    // One statement; WITH ORDINALITY keeps the seed's order in the ids.
    await this.db.query(
      `WITH s AS (
         INSERT INTO specializations (name)
         SELECT name FROM unnest($1::text[]) WITH ORDINALITY AS t(name, n) ORDER BY n
         ON CONFLICT (name) DO NOTHING
       )
       INSERT INTO qualifications (name)
       SELECT name FROM unnest($2::text[]) WITH ORDINALITY AS t(name, n) ORDER BY n
       ON CONFLICT (name) DO NOTHING`,
      [normalized(specializations), normalized(qualifications)],
    );
  }
}
