import { describe, expect, it } from 'vitest';
import { defaultBookingLimits } from '../booking/booking-limits.js';
import { isDomainError, type DomainErrorCode } from '../shared/domain-error.js';
import { fullSittingWorld } from './waitlist-fixture.js';

async function codeOf(promise: Promise<unknown>): Promise<DomainErrorCode | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
}

describe('JoinWaitlist', () => {
  it('queues a patient for the full next sitting, with its position and sitting', async () => {
    const w = await fullSittingWorld();
    const ben = await w.join(w.bob, w.bobPatient);
    expect(ben).toMatchObject({
      patient_id: w.bobPatient.id,
      patient_name: 'Ben',
      status: 'waiting',
      position: 1,
      ended_at: null,
      appointment_id: null,
      sitting: {
        id: w.booked.sitting_id,
        slot_id: w.slot.id,
        date: '2026-01-05',
        starts_at: '2026-01-05T10:00:00.000Z',
        places: 1,
      },
    });
    expect((await w.join(w.carol, w.carolPatient)).position).toBe(2);
  });

  it('refuses a sitting with a free place: book instead', async () => {
    const w = await fullSittingWorld();
    const roomy = await w.world.slot(w.booked.doctor_id, { day: 'tuesday' });
    expect(
      await codeOf(
        w.waitlist.join.execute(w.bob, { patient_id: w.bobPatient.id, slot_id: roomy.id }),
      ),
    ).toBe('PLACES_AVAILABLE');
  });

  it("answers another user's patient as missing, and checks its input", async () => {
    const w = await fullSittingWorld();
    expect(await codeOf(w.join(w.carol, w.bobPatient))).toBe('PATIENT_NOT_FOUND');
    expect(
      await codeOf(w.waitlist.join.execute(w.bob, { patient_id: w.bobPatient.id, slot_id: 999 })),
    ).toBe('SLOT_NOT_FOUND');
    expect(
      await codeOf(
        w.waitlist.join.execute(w.bob, {
          patient_id: w.bobPatient.id,
          slot_id: w.slot.id,
          extra: 1,
        } as never),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      await codeOf(
        w.waitlist.join.execute(w.bob, {
          patient_id: w.bobPatient.id,
          slot_id: w.slot.id,
          date: '2026-01-06',
        }),
      ),
    ).toBe('NOT_A_SITTING_DATE');
    expect(await w.waitlist.list.execute(w.bob)).toEqual([]);
  });

  it('refuses the booked patient and a second entry of one patient', async () => {
    const w = await fullSittingWorld();
    expect(await codeOf(w.join(w.alice, w.alicePatient))).toBe('ALREADY_BOOKED');
    await w.join(w.bob, w.bobPatient);
    expect(await codeOf(w.join(w.bob, w.bobPatient))).toBe('ALREADY_WAITING');
  });

  it('counts an entry against the per-user limit it is given', async () => {
    const w = await fullSittingWorld({ ...defaultBookingLimits, maxActiveAppointmentsPerUser: 1 });
    // alice holds one appointment already: at the limit of 1.
    const second = await w.world.patient(w.alice, 'Second');
    expect(await codeOf(w.join(w.alice, second))).toBe('TOO_MANY_APPOINTMENTS');
    expect(await codeOf(w.join(w.bob, w.bobPatient))).toBe('resolved');
  });
});

describe('LeaveWaitlist and the lists', () => {
  it("lets the owner leave once; another user's entry does not exist for them", async () => {
    const w = await fullSittingWorld();
    const ben = await w.join(w.bob, w.bobPatient);
    expect(await codeOf(w.waitlist.leave.execute(w.carol, { id: ben.id }))).toBe(
      'WAITLIST_ENTRY_NOT_FOUND',
    );
    expect(await codeOf(w.waitlist.get.execute(w.carol, { id: ben.id }))).toBe(
      'WAITLIST_ENTRY_NOT_FOUND',
    );
    expect((await w.waitlist.get.execute(w.bob, { id: ben.id })).status).toBe('waiting');
    const left = await w.waitlist.leave.execute(w.bob, { id: ben.id });
    expect(left).toMatchObject({ status: 'left', position: null });
    expect(await codeOf(w.waitlist.leave.execute(w.bob, { id: ben.id }))).toBe(
      'INVALID_STATUS_TRANSITION',
    );
    expect(await codeOf(w.waitlist.leave.execute(w.bob, { id: 'x' }))).toBe('VALIDATION_FAILED');
  });

  it('lists the waiting entries and those ended in the last 7 days, newest first', async () => {
    const w = await fullSittingWorld();
    const other = await w.world.slot(w.booked.doctor_id, { day: 'tuesday', places: 1 });
    const tuesdayPatient = await w.world.patient(w.carol, 'Tue');
    await w.uc.book.execute(w.carol, { patient_id: tuesdayPatient.id, slot_id: other.id });
    const first = await w.join(w.bob, w.bobPatient);
    const second = await w.waitlist.join.execute(w.bob, {
      patient_id: w.bobPatient.id,
      slot_id: other.id,
    });
    await w.waitlist.leave.execute(w.bob, { id: first.id });
    expect((await w.waitlist.list.execute(w.bob)).map((e) => [e.id, e.status])).toEqual([
      [second.id, 'waiting'],
      [first.id, 'left'],
    ]);
    w.world.clock.set('2026-01-12T09:00:01.000Z');
    expect((await w.waitlist.list.execute(w.bob)).map((e) => e.id)).toEqual([second.id]);
  });
});
