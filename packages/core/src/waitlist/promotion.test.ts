import { describe, expect, it } from 'vitest';
import { fullSittingWorld } from './waitlist-fixture.js';

describe('promotion from the waitlist, in the transaction that frees the place', () => {
  it("promotes the first entry when the patient cancels: the freed number, booked by the entry's user", async () => {
    const w = await fullSittingWorld();
    const ben = await w.join(w.bob, w.bobPatient);
    const cat = await w.join(w.carol, w.carolPatient);
    w.world.publisher.clear();
    await w.uc.cancel.execute(w.alice, { id: w.booked.id });
    const promoted = await w.waitlist.get.execute(w.bob, { id: ben.id });
    expect(promoted).toMatchObject({ status: 'promoted', position: null });
    const appointment = await w.uc.appointment.execute(w.bob, { id: promoted.appointment_id! });
    expect(appointment).toMatchObject({
      patient_id: w.bobPatient.id,
      queue_number: 1,
      status: 'booked',
      sitting_id: w.booked.sitting_id,
    });
    const history = await w.uc.history.execute(w.bob, { id: appointment.id });
    expect(history.history).toEqual([
      expect.objectContaining({
        status: 'booked',
        actor_id: null,
        reason: 'promoted from the waitlist',
      }),
    ]);
    expect((await w.waitlist.get.execute(w.carol, { id: cat.id })).position).toBe(1);
    // The events of the cancellation and the promotion, committed together.
    expect(w.world.publisher.events.map((e) => e.type)).toEqual([
      'appointment.changed',
      'sitting.changed',
      'waitlist.promoted',
      'appointment.booked',
      'sitting.changed',
    ]);
    expect(w.world.publisher.events[2]).toEqual({
      type: 'waitlist.promoted',
      entryId: ben.id,
      appointmentId: appointment.id,
      sittingId: w.booked.sitting_id,
      doctorId: w.booked.doctor_id,
      patientId: w.bobPatient.id,
      ownerId: w.bob.userId,
    });
    const outbox = await w.world.outbox.pending(20);
    expect(outbox.map((e) => e.event.type)).toContain('waitlist.promoted');
    // Bob's appointments show it: the place is his now.
    const bobs = await w.uc.myAppointments.execute(w.bob);
    expect(bobs.items.map((a) => a.id)).toEqual([appointment.id]);
  });

  it('promotes the first entry when the doctor cancels an appointment', async () => {
    const w = await fullSittingWorld();
    const ben = await w.join(w.bob, w.bobPatient);
    await w.uc.cancel.execute(w.doctor, { id: w.booked.id, reason: 'emergency' });
    const entry = await w.waitlist.get.execute(w.bob, { id: ben.id });
    expect(entry.status).toBe('promoted');
    const mine = await w.waitlist.list.execute(w.bob);
    expect(mine.map((e) => [e.id, e.status, e.appointment_id])).toEqual([
      [ben.id, 'promoted', entry.appointment_id],
    ]);
  });

  it('leaves the freed place free when nobody waits, and takes no promotion from a left entry', async () => {
    const w = await fullSittingWorld();
    const ben = await w.join(w.bob, w.bobPatient);
    await w.waitlist.leave.execute(w.bob, { id: ben.id });
    await w.uc.cancel.execute(w.alice, { id: w.booked.id });
    expect((await w.waitlist.get.execute(w.bob, { id: ben.id })).status).toBe('left');
    const again = await w.uc.book.execute(w.carol, {
      patient_id: w.carolPatient.id,
      slot_id: w.slot.id,
    });
    expect(again.queue_number).toBe(1);
  });
});

describe('expiry of the waitlist', () => {
  it('expires the entries of a sitting its doctor starts', async () => {
    const w = await fullSittingWorld();
    const ben = await w.join(w.bob, w.bobPatient);
    w.world.clock.set('2026-01-05T09:55:00.000Z');
    await w.uc.startSitting.execute(w.doctor, { id: w.booked.sitting_id });
    expect(await w.waitlist.get.execute(w.bob, { id: ben.id })).toMatchObject({
      status: 'expired',
      ended_at: '2026-01-05T09:55:00.000Z',
    });
    // A cancellation after the start promotes nobody.
    await w.uc.cancel.execute(w.alice, { id: w.booked.id });
    expect((await w.waitlist.get.execute(w.bob, { id: ben.id })).appointment_id).toBeNull();
  });

  it('expires the entries of a sitting its doctor cancels', async () => {
    const w = await fullSittingWorld();
    const ben = await w.join(w.bob, w.bobPatient);
    await w.uc.cancelSitting.execute(w.doctor, { slot_id: w.slot.id, date: '2026-01-05' });
    expect((await w.waitlist.get.execute(w.bob, { id: ben.id })).status).toBe('expired');
  });

  it('expires the entries of a sitting the worker closes', async () => {
    const w = await fullSittingWorld();
    const ben = await w.join(w.bob, w.bobPatient);
    const closed = await w.waitlist.close.execute(new Date('2026-01-05T11:00:00.000Z'));
    expect(closed.closed).toBe(1);
    expect((await w.waitlist.get.execute(w.bob, { id: ben.id })).status).toBe('expired');
  });
});
