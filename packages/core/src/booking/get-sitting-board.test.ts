import { describe, expect, it } from 'vitest';
import { sittingOfTheDay } from './day-of-the-sitting.fixture.js';

describe('GetSittingBoard', () => {
  it('shows the queue without patients: numbers, statuses, live times, who is served, how many wait', async () => {
    const { uc, dr, alice, booked, sittingId, setTime } = await sittingOfTheDay();
    setTime('10:00');
    await uc.cancel.execute(alice, { id: booked[3]!.id });
    await uc.call.execute(dr.actor, { id: booked[0]!.id });
    const board = await uc.board.execute({ id: sittingId });
    expect(board).toEqual({
      sitting_id: sittingId,
      doctor_id: booked[0]!.doctor_id,
      doctor_name: 'Dr Day',
      date: '2026-01-05',
      status: 'in_progress',
      started_at: '2026-01-05T10:00:00.000Z',
      now_serving: 1,
      waiting: 2,
      queue: [
        { queue_number: 1, status: 'in_consultation', expected_at: null },
        { queue_number: 2, status: 'booked', expected_at: '2026-01-05T10:10:00.000Z' },
        { queue_number: 3, status: 'booked', expected_at: '2026-01-05T10:20:00.000Z' },
      ],
      version: board.version,
    });
    const body = JSON.stringify(board);
    for (const secret of ['Ann', 'Ben', 'Cat', 'Dan', 'alice', String(alice.userId)])
      expect(body).not.toContain(`"${secret}"`);
    expect(Object.keys(board.queue[0]!)).toEqual(['queue_number', 'status', 'expected_at']);
  });

  it('gives a strictly greater version after every change of the sitting or its appointments', async () => {
    const { uc, dr, alice, booked, sittingId, setTime } = await sittingOfTheDay();
    const versions = [(await uc.board.execute({ id: sittingId })).version];
    const seen = () => uc.board.execute({ id: sittingId }).then((b) => versions.push(b.version));
    setTime('09:30');
    await uc.startSitting.execute(dr.actor, { id: sittingId });
    await seen();
    await uc.checkIn.execute(dr.actor, { id: booked[0]!.id });
    await seen();
    await uc.call.execute(dr.actor, { id: booked[0]!.id });
    await seen();
    await uc.call.execute(dr.actor, { id: booked[1]!.id });
    await seen();
    await uc.cancel.execute(alice, { id: booked[3]!.id });
    await seen();
    await uc.noShow.execute(dr.actor, { id: booked[2]!.id });
    await seen();
    for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThan(versions[i - 1]!);
  });

  it('answers an unknown sitting SITTING_NOT_FOUND and a bad id VALIDATION_FAILED', async () => {
    const { uc } = await sittingOfTheDay();
    await expect(uc.board.execute({ id: 999 })).rejects.toMatchObject({
      code: 'SITTING_NOT_FOUND',
    });
    await expect(uc.board.execute({ id: 'abc' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});

describe('GetAppointment', () => {
  it('shows an appointment to its owner, its doctor and an admin; to anyone else it does not exist', async () => {
    const { view, w, dr } = await sittingOfTheDay();
    const admin = await w.user('root', 'admin');
    const stranger = await w.user('mallory');
    const other = await w.doctor('Dr Other');
    for (const reader of [dr.actor, admin])
      expect(await view(2, reader)).toMatchObject({ queue_number: 2, ahead: 1 });
    for (const outsider of [stranger, other.actor])
      await expect(view(2, outsider)).rejects.toMatchObject({ code: 'APPOINTMENT_NOT_FOUND' });
  });
});
