import type {
  NewPatient,
  Page,
  PageRequest,
  Patient,
  PatientId,
  PatientRepository,
  UserId,
} from '@doctorly/core';
import type { SqlExecutor } from '../sql/sql-client.js';
import { patientColumns } from './columns.js';
import { queryPage } from './paging.js';

/** {@link PatientRepository} on PostgreSQL. @category Adapters */
export class PostgresPatientRepository implements PatientRepository {
  constructor(private readonly db: SqlExecutor) {}

  async create(patient: NewPatient): Promise<Patient> {
    const [row] = await this.db.query<Patient>(
      `INSERT INTO patients AS p (owner_id, name, age, gender, symptoms, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${patientColumns('p')}`,
      [
        patient.ownerId,
        patient.name,
        patient.age,
        patient.gender,
        patient.symptoms,
        patient.createdAt,
      ],
    );
    return row!;
  }

  /**
   * Takes the user's one lock (`lock_user_claims`, migrations/repeatable/039: the same lock a
   * booking takes first, so no new lock order), then counts in a second statement: a count in
   * the locking statement would read the snapshot taken before the wait and miss the patient
   * that the previous holder committed.
   */
  async lockAndCountOwned(ownerId: UserId): Promise<number> {
    await this.db.query('SELECT lock_user_claims($1)', [ownerId]);
    const [row] = await this.db.query<{ owned: number }>(
      'SELECT count(*)::integer AS owned FROM patients WHERE owner_id = $1',
      [ownerId],
    );
    return row!.owned;
  }

  async findById(id: PatientId): Promise<Patient | undefined> {
    const [row] = await this.db.query<Patient>(
      `SELECT ${patientColumns('p')} FROM patients p WHERE p.id = $1`,
      [id],
    );
    return row;
  }

  listByOwner(ownerId: UserId, page: PageRequest): Promise<Page<Patient>> {
    return queryPage<Patient>(
      this.db,
      `SELECT ${patientColumns('p')}, count(*) OVER ()::integer AS total
       FROM patients p WHERE p.owner_id = $1 ORDER BY p.id LIMIT $2 OFFSET $3`,
      'SELECT count(*)::integer AS total FROM patients WHERE owner_id = $1',
      [ownerId],
      page,
    );
  }
}
