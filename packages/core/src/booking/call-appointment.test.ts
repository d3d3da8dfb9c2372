import { describe, expect, it } from 'vitest';
import { sittingOfTheDay } from './day-of-the-sitting.fixture.js';

describe('CallAppointment', () => {
  it('calls a waiting patient in, recording when, and starts a sitting not yet started', async () => {
    const { uc, dr, booked, sittingId, setTime, w } = await sittingOfTheDay();
    setTime('09:55');
    const called = await uc.call.execute(dr.actor, { id: booked[0]!.id });
    expect(called).toMatchObject({ status: 'in_consultation', now_serving: 1, expected_at: null });
    expect((await w.uow.read.appointments.findById(booked[0]!.id))!.calledAt).toEqual(
      new Date('2026-01-05T09:55:00.000Z'),
    );
    const sitting = await w.uow.read.sittings.findById(sittingId);
    expect(sitting).toMatchObject({ status: 'in_progress' });
    expect(sitting!.startedAt).toEqual(new Date('2026-01-05T09:55:00.000Z'));
  });

  it('completes the patient in consultation first, by the doctor, as a next-patient button', async () => {
    const { uc, dr, booked, setTime, alice, w } = await sittingOfTheDay();
    setTime('10:00');
    await uc.checkIn.execute(dr.actor, { id: booked[1]!.id });
    await uc.call.execute(dr.actor, { id: booked[0]!.id });
    setTime('10:12');
    await uc.call.execute(dr.actor, { id: booked[1]!.id });
    const first = await w.uow.read.appointments.findById(booked[0]!.id);
    expect(first).toMatchObject({ status: 'completed' });
    expect(first!.completedAt).toEqual(new Date('2026-01-05T10:12:00.000Z'));
    const history = await uc.history.execute(alice, { id: booked[0]!.id });
    expect(history.history.map((h) => [h.status, h.actor_id])).toEqual([
      ['booked', alice.userId],
      ['in_consultation', dr.actor.userId],
      ['completed', dr.actor.userId],
    ]);
    expect((await uc.appointment.execute(alice, { id: booked[1]!.id })).status).toBe(
      'in_consultation',
    );
  });

  it('refuses to call one already called, completed or cancelled, changing nothing', async () => {
    const { uc, dr, alice, booked, setTime, w, sittingId } = await sittingOfTheDay();
    setTime('10:00');
    await uc.call.execute(dr.actor, { id: booked[0]!.id });
    await uc.cancel.execute(alice, { id: booked[2]!.id });
    const version = (await w.uow.read.sittings.findById(sittingId))!.version;
    for (const id of [booked[0]!.id, booked[2]!.id]) {
      await expect(uc.call.execute(dr.actor, { id })).rejects.toMatchObject({
        code: 'INVALID_STATUS_TRANSITION',
      });
    }
    expect((await w.uow.read.sittings.findById(sittingId))!.version).toBe(version);
  });

  it('allows only completing a patient once called in: no no-show, no cancelling', async () => {
    const { uc, dr, alice, booked, setTime } = await sittingOfTheDay();
    setTime('10:00');
    await uc.call.execute(dr.actor, { id: booked[0]!.id });
    for (const attempt of [
      uc.noShow.execute(dr.actor, { id: booked[0]!.id }),
      uc.cancel.execute(alice, { id: booked[0]!.id }),
    ])
      await expect(attempt).rejects.toMatchObject({ code: 'INVALID_STATUS_TRANSITION' });
    expect(await uc.complete.execute(dr.actor, { id: booked[0]!.id })).toMatchObject({
      status: 'completed',
      now_serving: null,
    });
  });

  it('refuses a call too early to start the sitting', async () => {
    const { uc, dr, booked, setTime } = await sittingOfTheDay();
    setTime('07:59');
    await expect(uc.call.execute(dr.actor, { id: booked[0]!.id })).rejects.toMatchObject({
      code: 'TOO_EARLY_TO_START',
    });
  });

  it("is the sitting's doctor's: its patient's owner is forbidden, others told it does not exist", async () => {
    const { uc, w, alice, booked } = await sittingOfTheDay();
    const other = await w.doctor('Dr Other');
    await expect(uc.call.execute(alice, { id: booked[0]!.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(uc.call.execute(other.actor, { id: booked[0]!.id })).rejects.toMatchObject({
      code: 'APPOINTMENT_NOT_FOUND',
    });
  });
});
