import { describe, expect, it } from 'vitest';
import { sittingOfTheDay } from './day-of-the-sitting.fixture.js';

// The live view through the use cases (GetAppointment), not only the pure function: the
// examples of DESIGN.md's "Live expected time", on a sitting planned at 10:00, 10 minutes each.
describe('the live expected time, read through the use cases', () => {
  it('before the sitting starts, shows the planned times and who is ahead', async () => {
    const { view } = await sittingOfTheDay();
    expect(await view(3)).toMatchObject({
      expected_time: '2026-01-05T10:20:00.000Z',
      expected_at: '2026-01-05T10:20:00.000Z',
      ahead: 2,
      now_serving: null,
    });
  });

  it('a late start moves everyone on from now', async () => {
    const { view, setTime } = await sittingOfTheDay();
    setTime('10:25'); // the doctor has not started yet
    expect(await view(1)).toMatchObject({ expected_at: '2026-01-05T10:25:00.000Z', ahead: 0 });
    expect(await view(3)).toMatchObject({ expected_at: '2026-01-05T10:45:00.000Z', ahead: 2 });
  });

  it('a long consultation slows the pace for those after it', async () => {
    const { view, setTime, uc, dr, booked } = await sittingOfTheDay();
    setTime('10:00');
    await uc.call.execute(dr.actor, { id: booked[0]!.id });
    setTime('10:30'); // the first consultation took 30 minutes
    await uc.call.execute(dr.actor, { id: booked[1]!.id });
    // pace = (30 + 3 × 10) / (1 + 3) = 15; base = max(now, called + pace) = 10:45
    expect(await view(3)).toMatchObject({
      expected_at: '2026-01-05T10:45:00.000Z',
      ahead: 0,
      now_serving: 2,
    });
    expect(await view(4)).toMatchObject({ expected_at: '2026-01-05T11:00:00.000Z', ahead: 1 });
  });

  it('a no-show ahead brings the others forward, never later', async () => {
    const { view, setTime, uc, dr, booked } = await sittingOfTheDay();
    setTime('10:00');
    await uc.call.execute(dr.actor, { id: booked[0]!.id });
    setTime('10:15');
    expect(await view(3)).toMatchObject({ expected_at: '2026-01-05T10:25:00.000Z', ahead: 1 });
    await uc.noShow.execute(dr.actor, { id: booked[1]!.id });
    expect(await view(3)).toMatchObject({ expected_at: '2026-01-05T10:20:00.000Z', ahead: 0 });
    expect(await view(2)).toMatchObject({
      status: 'no_show',
      expected_at: null,
      ahead: null,
      now_serving: 1,
    });
  });

  it('keeps the cached list of appointments live: another patient called in moves it', async () => {
    const { uc, alice, dr, booked, setTime } = await sittingOfTheDay();
    setTime('10:20');
    const before = await uc.myAppointments.execute(alice);
    const dan = (page: typeof before) => page.items.find((a) => a.id === booked[3]!.id)!;
    expect(dan(before)).toMatchObject({
      now_serving: null,
      expected_at: '2026-01-05T10:50:00.000Z',
    });
    await uc.call.execute(dr.actor, { id: booked[0]!.id });
    setTime('10:40');
    const after = await uc.myAppointments.execute(alice);
    // pace 10; base = max(10:40, 10:20 + 10) = 10:40; two wait ahead of Dan.
    expect(dan(after)).toMatchObject({
      now_serving: 1,
      ahead: 2,
      expected_at: '2026-01-05T11:00:00.000Z',
    });
  });

  it('gives the live part in the booking answer, the queue and the history too', async () => {
    const { uc, w, slot, alice, dr, booked, setTime } = await sittingOfTheDay();
    expect(booked[3]).toMatchObject({ expected_at: '2026-01-05T10:30:00.000Z', ahead: 3 });
    setTime('10:00');
    await uc.call.execute(dr.actor, { id: booked[0]!.id });
    const queue = await uc.queue.execute(dr.actor, { slot_id: slot.id });
    expect(queue.status).toBe('in_progress');
    expect(queue.appointments.map((a) => [a.queue_number, a.ahead, a.now_serving])).toEqual([
      [1, null, 1],
      [2, 0, 1],
      [3, 1, 1],
      [4, 2, 1],
    ]);
    const history = await uc.history.execute(alice, { id: booked[1]!.id });
    expect(history.appointment).toMatchObject({ ahead: 0, now_serving: 1 });
    expect(w.clock.now().toISOString()).toBe('2026-01-05T10:00:00.000Z');
  });
});
