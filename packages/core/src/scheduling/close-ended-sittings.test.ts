import { describe, expect, it } from 'vitest';
import { BookingWorld } from '../booking/booking-fixture.js';
import { MaterializeSittings } from './materialize-sittings.js';
import { CloseEndedSittings } from './close-ended-sittings.js';

describe('CloseEndedSittings', () => {
  it('completes ended sittings and marks still-waiting appointments no-show by the system', async () => {
    const w = new BookingWorld();
    const uc = w.useCases();
    const dr = await w.doctor();
    const slot = await w.slot(dr.doctor.id);
    const alice = await w.user('alice');
    const a = await uc.book.execute(alice, {
      patient_id: (await w.patient(alice, 'A')).id,
      slot_id: slot.id,
    });
    const b = await uc.book.execute(alice, {
      patient_id: (await w.patient(alice, 'B')).id,
      slot_id: slot.id,
    });
    const c = await uc.book.execute(alice, {
      patient_id: (await w.patient(alice, 'C')).id,
      slot_id: slot.id,
    });
    await new MaterializeSittings(w.uow, w.publisher, w.policy).execute(w.clock.now());
    w.clock.set('2026-01-05T10:05:00.000Z');
    await uc.checkIn.execute(dr.actor, { id: b.id });
    await uc.cancel.execute(alice, { id: c.id });
    const step = new CloseEndedSittings(w.uow, w.publisher, { batchSize: 1 });

    expect(await step.execute(w.clock.now())).toEqual({ closed: 0, noShows: 0 });
    w.clock.set('2026-01-05T10:30:00.000Z');
    w.publisher.clear();
    expect(await step.execute(w.clock.now())).toEqual({ closed: 1, noShows: 2 });
    expect(w.publisher.events.map((e) => e.type)).toEqual([
      'sitting.changed',
      'appointment.changed',
      'appointment.changed',
    ]);
    const statuses = await Promise.all(
      [a, b, c].map(
        async (x) => (await uc.history.execute(alice, { id: x.id })).appointment.status,
      ),
    );
    expect(statuses).toEqual(['no_show', 'no_show', 'cancelled']);
    expect((await uc.history.execute(alice, { id: a.id })).history.at(-1)).toMatchObject({
      status: 'no_show',
      actor_id: null,
    });
    expect((await w.uow.read.sittings.findById(a.sitting_id))?.status).toBe('completed');

    expect(await step.execute(w.clock.now())).toEqual({ closed: 0, noShows: 0 });
    w.clock.set('2026-01-27T00:00:00.000Z');
    // The materialized sittings of the 12th, 19th and 26th ended with nobody booked.
    expect(await step.execute(w.clock.now())).toEqual({ closed: 3, noShows: 0 });
  });

  it('leaves cancelled sittings alone', async () => {
    const w = new BookingWorld();
    const dr = await w.doctor();
    const slot = await w.slot(dr.doctor.id);
    await w.useCases().cancelSitting.execute(dr.actor, { slot_id: slot.id, date: '2026-01-05' });
    w.clock.set('2026-01-06T00:00:00.000Z');
    expect(await new CloseEndedSittings(w.uow, w.publisher).execute(w.clock.now())).toEqual({
      closed: 0,
      noShows: 0,
    });
    expect((await w.uow.read.sittings.findBySlotAndDate(slot.id, '2026-01-05'))?.status).toBe(
      'cancelled',
    );
  });
});
