import type { z } from 'zod';
import { cacheKeys, cacheTags, cacheTtl, ReadThrough } from '../../cache/index.js';
import type { Actor, Page } from '../../models/index.js';
import type { Cache } from '../../ports/cache.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import { PageInput } from '../../schemas/index.js';
import type { AppointmentView } from '../../views/index.js';
import { toAppointmentView } from '../../views/index.js';
import { parseInput } from '../shared/parse-input.js';

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

  async execute(actor: Actor, input: z.input<typeof PageInput> = {}): Promise<Page<AppointmentView>> {
    const page = parseInput(PageInput, input);
    const key = cacheKeys.userAppointments(actor.userId, page);
    const options = { ttlSeconds: cacheTtl.lists, tags: [cacheTags.user(actor.userId)] };
    return this.readThrough.get(key, options, async () => {
      const found = await this.uow.read.appointments.listByBooker(actor.userId, page);
      return { items: found.items.map(toAppointmentView), total: found.total };
    });
  }
}
