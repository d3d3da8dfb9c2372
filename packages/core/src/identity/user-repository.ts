import type { NewUser, Role, User } from './user.js';
import type { UserId } from '../shared/primitives.js';

/** The reads of {@link UserRepository}: what `UnitOfWork.read` offers. @category Ports */
export interface UserReader {
  findById(id: UserId): Promise<User | undefined>;
  /** `email` is compared case-insensitively. */
  findByEmail(email: string): Promise<User | undefined>;
}

/** User accounts, unique by case-insensitive email. @category Ports */
export interface UserRepository extends UserReader {
  /** @throws DomainError `EMAIL_TAKEN` when the (normalised) email exists. */
  create(user: NewUser): Promise<User>;
  setRole(id: UserId, role: Role): Promise<void>;
  setPasswordHash(id: UserId, passwordHash: string): Promise<void>;
}
