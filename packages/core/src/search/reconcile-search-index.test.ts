import { describe, expect, it } from 'vitest';
import { toDoctorView } from '../doctors/to-doctor-view.js';
import { BookingWorld } from '../booking/booking-fixture.js';
import { ReconcileSearchIndex } from './reconcile-search-index.js';

describe('ReconcileSearchIndex', () => {
  it('adds missing documents, removes stale ones and fixes drifted ones; a second pass finds nothing', async () => {
    const w = new BookingWorld();
    const [a, b, c] = [await w.doctor('Dr A'), await w.doctor('Dr B'), await w.doctor('Dr C')];
    const viewOf = async (id: number) =>
      toDoctorView((await w.uow.read.doctors.snapshot(id))!, w.clock.now());
    const viewA = await viewOf(a.doctor.id);
    // Same document, keys in another order: not drift.
    await w.index.upsert(Object.fromEntries(Object.entries(viewA).reverse()) as typeof viewA);
    await w.index.upsert({ ...(await viewOf(b.doctor.id)), description: 'stale text' });
    await w.index.upsert({ ...viewA, id: 999 });

    const reconcile = new ReconcileSearchIndex(w.uow, w.index, { batchSize: 2 });
    expect(await reconcile.execute(w.clock.now())).toEqual({
      added: 1,
      removed: 1,
      fixed: 1,
      checked: 3,
    });
    expect(await w.index.ids()).toEqual([a.doctor.id, b.doctor.id, c.doctor.id]);
    expect(await w.index.get(b.doctor.id)).toEqual(await viewOf(b.doctor.id));
    expect(await w.index.get(c.doctor.id)).toEqual(await viewOf(c.doctor.id));
    expect(await reconcile.execute(w.clock.now())).toEqual({
      added: 0,
      removed: 0,
      fixed: 0,
      checked: 3,
    });
  });

  it('removes every document that names no doctor', async () => {
    const w = new BookingWorld();
    const dr = await w.doctor();
    await w.index.upsert({
      ...toDoctorView((await w.uow.read.doctors.snapshot(dr.doctor.id))!, w.clock.now()),
      id: 50,
    });
    await w.index.upsert({
      ...toDoctorView((await w.uow.read.doctors.snapshot(dr.doctor.id))!, w.clock.now()),
      id: 51,
    });
    expect(await new ReconcileSearchIndex(w.uow, w.index).execute(w.clock.now())).toEqual({
      added: 1,
      removed: 2,
      fixed: 0,
      checked: 1,
    });
  });
});
