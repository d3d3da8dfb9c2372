import { describe, expect, it } from 'vitest';
import type { ReadRepositories, Repositories, UnitOfWork } from '../shared/unit-of-work.js';
import { BookingWorld } from '../booking/booking-fixture.js';
import { commitBookingInTransaction } from '../shared/commit-booking.js';
import { MaterializeSittings } from './materialize-sittings.js';

/** The world's unit of work, counting the transactions opened through it. */
class CountingUnitOfWork implements UnitOfWork {
  transactions = 0;
  /** Runs just before each transaction: another writer getting in first. */
  beforeTransaction: () => Promise<void> = () => Promise.resolve();

  constructor(private readonly inner: UnitOfWork) {}

  get read(): ReadRepositories {
    return this.inner.read;
  }

  async transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
    this.transactions += 1;
    await this.beforeTransaction();
    return this.inner.transaction(work);
  }

  commitBooking: UnitOfWork['commitBooking'] = (request, eventsOf, now) =>
    commitBookingInTransaction(this, request, eventsOf, now);
}

describe('MaterializeSittings', () => {
  async function world() {
    const w = new BookingWorld();
    const dr = await w.doctor();
    const monday = await w.slot(dr.doctor.id);
    const friday = await w.slot(dr.doctor.id, { day: 'friday', start: '18:00' });
    const step = new MaterializeSittings(w.uow, w.publisher, w.policy, { batchSize: 1 });
    const dates = async (slotId: number) =>
      (await w.uow.read.sittings.listBySlot(slotId, '2026-01-01', '2026-12-31')).map(
        (s) => `${s.date}:${s.status}`,
      );
    return { w, dr, monday, friday, step, dates };
  }

  it('stores every bookable sitting up to the horizon, across batches, with an event for each', async () => {
    const { w, monday, friday, step, dates } = await world();
    expect(await step.execute(w.clock.now())).toEqual({ slots: 2, created: 9 });
    expect(await dates(monday.id)).toEqual(
      ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02'].map(
        (d) => `${d}:scheduled`,
      ),
    );
    expect(await dates(friday.id)).toEqual(
      ['2026-01-09', '2026-01-16', '2026-01-23', '2026-01-30'].map((d) => `${d}:scheduled`),
    );
    expect(w.publisher.events.filter((e) => e.type === 'sitting.changed')).toHaveLength(9);
  });

  it('is idempotent and emits nothing for sittings that exist', async () => {
    const { w, step } = await world();
    await step.execute(w.clock.now());
    w.publisher.clear();
    expect(await step.execute(w.clock.now())).toEqual({ slots: 2, created: 0 });
    expect(w.publisher.events).toEqual([]);
    // On Friday the 9th the horizon reaches Friday 6 February.
    w.clock.set('2026-01-09T00:00:00.000Z');
    expect(await step.execute(w.clock.now())).toEqual({ slots: 2, created: 1 });
  });

  it('leaves cancelled sittings cancelled', async () => {
    const { w, dr, monday, step, dates } = await world();
    await w.useCases().cancelSitting.execute(dr.actor, { slot_id: monday.id, date: '2026-01-12' });
    expect((await step.execute(w.clock.now())).created).toBe(8);
    expect(await dates(monday.id)).toContain('2026-01-12:cancelled');
  });

  it('opens no transaction when nothing is missing, and one per batch that lacks sittings', async () => {
    const { w, friday } = await world();
    const uow = new CountingUnitOfWork(w.uow);
    const step = new MaterializeSittings(uow, w.publisher, w.policy, { batchSize: 200 });
    expect(await step.execute(w.clock.now())).toEqual({ slots: 2, created: 9 });
    expect(uow.transactions).toBe(1);
    uow.transactions = 0;
    expect(await step.execute(w.clock.now())).toEqual({ slots: 2, created: 0 });
    expect(uow.transactions).toBe(0);
    // Friday the 9th: only the Friday slot gains a date (6 February).
    w.clock.set('2026-01-09T00:00:00.000Z');
    expect(await step.execute(w.clock.now())).toEqual({ slots: 2, created: 1 });
    expect(uow.transactions).toBe(1);
    expect(
      (await w.uow.read.sittings.listBySlot(friday.id, '2026-02-06', '2026-02-06')).length,
    ).toBe(1);
  });

  it('does not announce a sitting that another writer stored after the read', async () => {
    const { w, monday } = await world();
    const uow = new CountingUnitOfWork(w.uow);
    const step = new MaterializeSittings(uow, w.publisher, w.policy);
    // A booking ensures Monday 5 January between the pass's read and its transaction.
    uow.beforeTransaction = async () => {
      uow.beforeTransaction = () => Promise.resolve();
      const times = {
        startsAt: new Date('2026-01-05T10:00:00.000Z'),
        endsAt: new Date('2026-01-05T11:40:00.000Z'),
      };
      await w.uow.transaction((r) =>
        r.sittings.ensure({
          slotId: monday.id,
          doctorId: monday.doctorId,
          date: '2026-01-05',
          ...times,
          places: monday.places,
          durationMinutes: monday.durationMinutes,
        }),
      );
    };
    expect(await step.execute(w.clock.now())).toEqual({ slots: 2, created: 8 });
    expect(w.publisher.events.filter((e) => e.type === 'sitting.changed')).toHaveLength(8);
    expect(
      await w.uow.read.sittings.listBySlot(monday.id, '2026-01-05', '2026-01-05'),
    ).toHaveLength(1);
  });
});
