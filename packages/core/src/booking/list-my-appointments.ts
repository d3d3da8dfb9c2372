import type { z } from 'zod';
import { cacheKeys, cacheTags, cacheTtl } from '../cache/cache-keys.js';
import { ReadThrough } from '../cache/read-through.js';
import type { Actor } from '../identity/user.js';
import type { Page } from '../shared/primitives.js';
import type { Cache } from '../cache/cache.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { PageInput } from '../shared/common-schemas.js';
import type { AppointmentView } from './appointment-view.js';
import { toAppointmentView } from './appointment-view.js';
import { parseInput } from '../shared/parse-input.js';
import { authorize } from '../access/authorize.js';

/**
 * The caller's appointments (the ones they booked), newest sitting first. Cached per user
 * under `user:{id}`, which every change of one of the appointments invalidates.
 * @category Use cases
 */
export class ListMyAppointments {
  private readonly readThrough: ReadThrough;

  constructor(
    private readonly uow: UnitOfWork,
    cache: Cache,
  ) {
    this.readThrough = new ReadThrough(cache);
  }

  async execute(
    actor: Actor,
    input: z.input<typeof PageInput> = {},
  ): Promise<Page<AppointmentView>> {
    const page = parseInput(PageInput, input);
    authorize(actor, 'appointment.listOwn');
    const key = cacheKeys.userAppointments(actor.userId, page);
    const options = { ttlSeconds: cacheTtl.lists, tags: [cacheTags.user(actor.userId)] };
    return this.readThrough.get(key, options, async () => {
      const found = await this.uow.read.appointments.listByBooker(actor.userId, page);
      return { items: found.items.map(toAppointmentView), total: found.total };
    });
  }
}
