import { ReadThrough } from '../cache/read-through.js';
import { cacheKeys, cacheTags, cacheTtl } from '../cache/cache-keys.js';
import { DomainError } from '../shared/domain-error.js';
import type { Actor } from './user.js';
import type { Cache } from '../cache/cache.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import type { UserView } from '../doctors/doctor-view.js';
import { toUserView } from '../doctors/to-doctor-view.js';
import { authorize } from '../access/authorize.js';

/** The calling user's own account (`GET /users/info`), cached under the user's id. @category Use cases */
export class GetCurrentUser {
  private readonly reads: ReadThrough;

  constructor(
    private readonly uow: UnitOfWork,
    cache: Cache,
  ) {
    this.reads = new ReadThrough(cache);
  }

  async execute(actor: Actor): Promise<UserView> {
    authorize(actor, 'account.read');
    const options = { ttlSeconds: cacheTtl.user, tags: [cacheTags.user(actor.userId)] };
    return await this.reads.get(cacheKeys.currentUser(actor.userId), options, async () => {
      const user = await this.uow.read.users.findById(actor.userId);
      if (!user) throw new DomainError('USER_NOT_FOUND', 'The account no longer exists.');
      return toUserView(user);
    });
  }
}
