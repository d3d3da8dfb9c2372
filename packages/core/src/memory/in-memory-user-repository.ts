import { DomainError } from '../shared/domain-error.js';
import { normalizeEmail, type NewUser, type Role, type User } from '../identity/user.js';
import type { UserId } from '../shared/primitives.js';
import type { UserRepository } from '../identity/user-repository.js';
import { copy, nextId, type StateAccess } from './in-memory-state.js';

/** {@link UserRepository} over the in-memory state. @category Testing */
export class InMemoryUserRepository implements UserRepository {
  constructor(private readonly state: StateAccess) {}

  create(user: NewUser): Promise<User> {
    const s = this.state();
    const email = normalizeEmail(user.email);
    if ([...s.users.values()].some((u) => normalizeEmail(u.email) === email)) {
      return Promise.reject(new DomainError('EMAIL_TAKEN', 'The email is already registered.'));
    }
    const created: User = { ...copy(user), id: nextId(s, 'user') };
    s.users.set(created.id, created);
    return Promise.resolve(copy(created));
  }

  findById(id: UserId): Promise<User | undefined> {
    return Promise.resolve(copy(this.state().users.get(id)));
  }

  findByEmail(email: string): Promise<User | undefined> {
    const wanted = normalizeEmail(email);
    return Promise.resolve(
      copy([...this.state().users.values()].find((u) => normalizeEmail(u.email) === wanted)),
    );
  }

  setRole(id: UserId, role: Role): Promise<void> {
    this.update(id, { role });
    return Promise.resolve();
  }

  setPasswordHash(id: UserId, passwordHash: string): Promise<void> {
    this.update(id, { passwordHash });
    return Promise.resolve();
  }

  private update(id: UserId, changes: Partial<User>): void {
    const users = this.state().users;
    const user = users.get(id);
    if (user) users.set(id, { ...user, ...changes });
  }
}
