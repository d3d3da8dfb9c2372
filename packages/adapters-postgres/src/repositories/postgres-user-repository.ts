import {
  normalizeEmail,
  type NewUser,
  type Role,
  type User,
  type UserId,
  type UserRepository,
} from '@doctorly/core';
import type { SqlExecutor } from '../sql/sql-client.js';
import { userColumns } from './columns.js';

/** {@link UserRepository} on PostgreSQL: emails unique case-insensitively by index. @category Adapters */
export class PostgresUserRepository implements UserRepository {
  constructor(private readonly db: SqlExecutor) {}

  async create(user: NewUser): Promise<User> {
    const [row] = await this.db.query<User>(
      `INSERT INTO users AS u (name, email, password_hash, role, registered_at, confirmed)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${userColumns('u')}`,
      [
        user.name,
        normalizeEmail(user.email),
        user.passwordHash,
        user.role,
        user.registeredAt,
        user.confirmed,
      ],
    );
    return row!;
  }

  async findById(id: UserId): Promise<User | undefined> {
    const [row] = await this.db.query<User>(
      `SELECT ${userColumns('u')} FROM users u WHERE u.id = $1`,
      [id],
    );
    return row;
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const [row] = await this.db.query<User>(
      `SELECT ${userColumns('u')} FROM users u WHERE lower(u.email) = lower($1)`,
      [normalizeEmail(email)],
    );
    return row;
  }

  async setRole(id: UserId, role: Role): Promise<void> {
    await this.db.query('UPDATE users SET role = $2 WHERE id = $1', [id, role]);
  }

  async setPasswordHash(id: UserId, passwordHash: string): Promise<void> {
    await this.db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
  }
}
