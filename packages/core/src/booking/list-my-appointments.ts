import type { z } from 'zod';
import { cacheKeys, cacheTags, cacheTtl } from '../cache/cache-keys.js';
import { ReadThrough } from '../cache/read-through.js';
import type { Actor } from '../identity/user.js';
import type { Page } from '../shared/primitives.js';
import type { Cache } from '../cache/cache.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { PageInput } from '../shared/common-schemas.js';
import type { AppointmentView } from './appointment-view.js';
import { toPlannedAppointmentView } from './appointment-view.js';
import { withLiveTimings } from './live-appointment-views.js';
import type { Clock } from '../shared/clock.js';
import { parseInput } from '../shared/parse-input.js';
import { authorize } from '../access/authorize.js';

/**
 * The caller's appointments (the ones they booked), newest sitting first. The planned views
 * are cached per user under `user:{id}`, which every change of one of the appointments
 * invalidates; their live part (expected time, ahead, now serving) moves with other people's
 * appointments too, so it is never cached: it is computed on every read from the live state
 * of the page's sittings, read at once.
 * @category Use cases
 */
export class ListMyAppointments {
  private readonly readThrough: ReadThrough;

  constructor(
    private readonly uow: UnitOfWork,
    cache: Cache,
    private readonly clock: Clock,
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
    const planned = await this.readThrough.get(key, options, async () => {
      const found = await this.uow.read.appointments.listByBooker(actor.userId, page);
      return { items: found.items.map(toPlannedAppointmentView), total: found.total };
    });
    const items = await withLiveTimings(this.uow.read, planned.items, this.clock.now());
    return { items, total: planned.total };
  }
}
