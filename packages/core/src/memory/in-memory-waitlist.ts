import type { Appointment } from '../booking/appointment.js';
import type { SittingId } from '../shared/primitives.js';
import type {
  JoinWaitlistRequest,
  Promotion,
  PromotionOutcome,
} from '../waitlist/waitlist-repository.js';
import { decideJoin, joinRefused } from '../waitlist/decide-join.js';
import { decidePromotions } from '../waitlist/decide-promotions.js';
import { promotionReason, type WaitlistEntry } from '../waitlist/waitlist-entry.js';
import { nextId, type InMemoryState } from './in-memory-state.js';
import { ensureSittingIn } from './in-memory-sitting-repository.js';
import { activeIn, claimsIn } from './in-memory-booking.js';

/** A sitting's waiting entries, first first (not copied). */
export function waitingIn(s: InMemoryState, sittingId: SittingId): WaitlistEntry[] {
  return [...s.waitlist.values()]
    .filter((e) => e.sittingId === sittingId && e.status === 'waiting')
    .sort((a, b) => a.id - b.id);
}

/** The join decision ({@link decideJoin}) applied to the state in one synchronous step. */
export function joinIn(s: InMemoryState, request: JoinWaitlistRequest): WaitlistEntry {
  const sitting = ensureSittingIn(s, request.sitting);
  const refusal = decideJoin(
    { ...sitting, active: activeIn(s, sitting.id), waiting: waitingIn(s, sitting.id) },
    {
      patientId: request.patientId,
      claims: claimsIn(s, request.joinedBy),
      limits: request.limits,
      now: request.at,
    },
  );
  if (refusal) throw joinRefused(refusal);
  const entry: WaitlistEntry = {
    id: nextId(s, 'waitlist'),
    sittingId: sitting.id,
    slotId: sitting.slotId,
    doctorId: sitting.doctorId,
    patientId: request.patientId,
    joinedBy: request.joinedBy,
    joinedAt: new Date(request.at.getTime()),
    status: 'waiting',
    endedAt: null,
    appointmentId: null,
  };
  s.waitlist.set(entry.id, entry);
  return entry;
}

/** Ends a waiting entry with `status` at `at`. */
export function endEntryIn(
  s: InMemoryState,
  entry: WaitlistEntry,
  status: 'left' | 'expired',
  at: Date,
): WaitlistEntry {
  const ended: WaitlistEntry = { ...entry, status, endedAt: new Date(at.getTime()) };
  s.waitlist.set(ended.id, ended);
  return ended;
}

/** The promotion decision ({@link decidePromotions}) applied to the state in one step. */
export function promoteIn(s: InMemoryState, sittingId: SittingId, at: Date): PromotionOutcome {
  const sitting = s.sittings.get(sittingId);
  const waiting = waitingIn(s, sittingId);
  if (!sitting || waiting.length === 0) return { promoted: [], expired: [] };
  const decision = decidePromotions({ ...sitting, active: activeIn(s, sittingId) }, waiting, at);
  const expired = decision.expire.map((id) => endEntryIn(s, s.waitlist.get(id)!, 'expired', at));
  const promoted: Promotion[] = decision.promote.map(({ entryId, queueNumber }) => {
    const entry = s.waitlist.get(entryId)!;
    const appointment: Appointment = {
      id: nextId(s, 'appointment'),
      sittingId,
      slotId: sitting.slotId,
      doctorId: sitting.doctorId,
      patientId: entry.patientId,
      queueNumber,
      status: 'booked',
      bookedBy: entry.joinedBy,
      bookedAt: new Date(at.getTime()),
      idempotencyKey: null,
      calledAt: null,
      completedAt: null,
      rescheduledTo: null,
    };
    s.appointments.set(appointment.id, appointment);
    s.history.push({
      appointmentId: appointment.id,
      status: 'booked',
      actorId: null,
      at: new Date(at.getTime()),
      reason: promotionReason,
    });
    const done: WaitlistEntry = {
      ...entry,
      status: 'promoted',
      endedAt: new Date(at.getTime()),
      appointmentId: appointment.id,
    };
    s.waitlist.set(done.id, done);
    return { entry: done, appointment };
  });
  if (promoted.length > 0) {
    const current = s.sittings.get(sittingId)!;
    s.sittings.set(sittingId, {
      ...current,
      booked: current.booked + promoted.length,
      // One bump per promotion, as promote_waitlist (045) does.
      version: current.version + promoted.length,
    });
  }
  return { promoted, expired };
}
