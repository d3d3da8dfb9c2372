import { describe, expect, it } from 'vitest';
import { sittingOfTheDay } from '../booking/day-of-the-sitting.fixture.js';
import { CloseEndedSittings } from './close-ended-sittings.js';

describe('StartSitting', () => {
  it('starts a scheduled sitting from two hours before its start: in progress, started_at, new version', async () => {
    const { uc, dr, sittingId, setTime, w } = await sittingOfTheDay();
    const before = (await w.uow.read.sittings.findById(sittingId))!.version;
    setTime('08:00');
    const board = await uc.startSitting.execute(dr.actor, { id: sittingId });
    expect(board).toMatchObject({
      sitting_id: sittingId,
      status: 'in_progress',
      started_at: '2026-01-05T08:00:00.000Z',
    });
    expect(board.version).toBeGreaterThan(before);
  });

  it('answers a running sitting unchanged when started again', async () => {
    const { uc, dr, sittingId, setTime } = await sittingOfTheDay();
    setTime('10:01');
    const first = await uc.startSitting.execute(dr.actor, { id: sittingId });
    setTime('10:07');
    const again = await uc.startSitting.execute(dr.actor, { id: sittingId });
    // Only the live times moved on with the clock.
    expect({ ...again, queue: [] }).toEqual({ ...first, queue: [] });
    expect(again.started_at).toBe('2026-01-05T10:01:00.000Z');
  });

  it('refuses too early, after the end, and a cancelled or completed sitting', async () => {
    const { uc, dr, sittingId, setTime, w, slot } = await sittingOfTheDay();
    setTime('07:59');
    await expect(uc.startSitting.execute(dr.actor, { id: sittingId })).rejects.toMatchObject({
      code: 'TOO_EARLY_TO_START',
    });
    setTime('10:40');
    await expect(uc.startSitting.execute(dr.actor, { id: sittingId })).rejects.toMatchObject({
      code: 'SITTING_PAST',
    });
    await new CloseEndedSittings(w.uow, w.publisher).execute(w.clock.now());
    await expect(uc.startSitting.execute(dr.actor, { id: sittingId })).rejects.toMatchObject({
      code: 'SITTING_CLOSED',
    });
    const cancelled = await uc.cancelSitting.execute(dr.actor, {
      slot_id: slot.id,
      date: '2026-01-12',
    });
    w.clock.set('2026-01-12T09:30:00.000Z');
    await expect(
      uc.startSitting.execute(dr.actor, { id: cancelled.sitting_id }),
    ).rejects.toMatchObject({ code: 'SITTING_CANCELLED' });
  });

  it("is the sitting's doctor's: other doctors are told it does not exist, others that they are no doctor", async () => {
    const { uc, w, alice, sittingId, setTime } = await sittingOfTheDay();
    setTime('10:00');
    const other = await w.doctor('Dr Other');
    await expect(uc.startSitting.execute(other.actor, { id: sittingId })).rejects.toMatchObject({
      code: 'SITTING_NOT_FOUND',
    });
    await expect(uc.startSitting.execute(alice, { id: sittingId })).rejects.toMatchObject({
      code: 'NOT_A_DOCTOR',
    });
    await expect(uc.startSitting.execute(other.actor, { id: 'x' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('a started sitting can no longer be cancelled by its doctor', async () => {
    const { uc, dr, sittingId, slot, setTime } = await sittingOfTheDay();
    setTime('09:00');
    await uc.startSitting.execute(dr.actor, { id: sittingId });
    await expect(
      uc.cancelSitting.execute(dr.actor, { slot_id: slot.id, date: '2026-01-05' }),
    ).rejects.toMatchObject({ code: 'SITTING_CLOSED' });
  });
});

describe('CloseEndedSittings on the day', () => {
  it('completes the one in consultation at close time and no-shows the waiting, by the system', async () => {
    const { uc, dr, alice, booked, setTime, w, sittingId } = await sittingOfTheDay();
    setTime('10:00');
    await uc.checkIn.execute(dr.actor, { id: booked[2]!.id });
    await uc.call.execute(dr.actor, { id: booked[0]!.id });
    setTime('10:45');
    expect(await new CloseEndedSittings(w.uow, w.publisher).execute(w.clock.now())).toEqual({
      closed: 1,
      noShows: 3,
    });
    const first = await w.uow.read.appointments.findById(booked[0]!.id);
    expect(first).toMatchObject({ status: 'completed' });
    expect(first!.completedAt).toEqual(new Date('2026-01-05T10:45:00.000Z'));
    const third = await uc.history.execute(alice, { id: booked[2]!.id });
    expect(third.history.at(-1)).toMatchObject({ status: 'no_show', actor_id: null });
    expect((await w.uow.read.sittings.findById(sittingId))!.status).toBe('completed');
  });
});
