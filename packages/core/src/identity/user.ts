import type { UserId } from '../shared/primitives.js';

/** `admin` manages the catalog; everyone else is a `user` (doctors too). @category Models */
export type Role = 'admin' | 'user';

/** A registered account. Its `passwordHash` never leaves the repositories' callers. @category Models */
export interface User {
  readonly id: UserId;
  readonly name: string;
  /** Normalised: trimmed and lower-cased; unique. */
  readonly email: string;
  readonly passwordHash: string;
  readonly role: Role;
  readonly registeredAt: Date;
  readonly confirmed: boolean;
}

/** What a repository needs to create a {@link User}. @category Models */
export type NewUser = Omit<User, 'id'>;

/** Who is calling a use case, as established from a verified token. @category Models */
export interface Actor {
  readonly userId: UserId;
  readonly role: Role;
}

/** Trims and lower-cases an email, the form in which emails are stored and compared. @category Models */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
