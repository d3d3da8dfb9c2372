import { DomainError } from '../shared/domain-error.js';
import type { DomainEvent } from '../shared/domain-event.js';
import type { Role, User } from './user.js';
import type { Repositories } from '../shared/unit-of-work.js';

/** What a new account needs; the password is already hashed (outside the transaction: hashing is slow). */
export interface AccountRequest {
  readonly name: string;
  readonly email: string;
  readonly passwordHash: string;
  readonly role: Role;
}

/**
 * Creates an account inside a transaction: `EMAIL_TAKEN` when the email is in use (checked
 * here for a clear error, and by the repository's unique constraint under concurrency).
 * @category Use cases
 */
export async function createAccount(
  repositories: Repositories,
  request: AccountRequest,
  now: Date,
): Promise<{ user: User; event: DomainEvent }> {
  if (await repositories.users.findByEmail(request.email)) {
    throw new DomainError('EMAIL_TAKEN', 'An account with this email exists.', [
      { path: 'email', message: 'An account with this email exists.' },
    ]);
  }
  const user = await repositories.users.create({ ...request, registeredAt: now, confirmed: false });
  return { user, event: { type: 'user.changed', userId: user.id } };
}
