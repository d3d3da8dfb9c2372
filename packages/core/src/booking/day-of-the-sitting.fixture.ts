import type { Actor } from '../identity/user.js';
import { BookingWorld } from './booking-fixture.js';
import type { AppointmentView } from './appointment-view.js';

/**
 * Monday 2026-01-05: a doctor's sitting at 10:00 UTC, four places of 10 minutes, all booked
 * by `alice` (queue numbers 1–4) while the clock is at 09:00.
 */
export async function sittingOfTheDay() {
  const w = new BookingWorld();
  const dr = await w.doctor('Dr Day');
  const slot = await w.slot(dr.doctor.id, { places: 4 });
  const alice = await w.user('alice');
  const uc = w.useCases();
  const booked: AppointmentView[] = [];
  for (const name of ['Ann', 'Ben', 'Cat', 'Dan']) {
    const patient = await w.patient(alice, name);
    booked.push(await uc.book.execute(alice, { patient_id: patient.id, slot_id: slot.id }));
  }
  const sittingId = booked[0]!.sitting_id;
  /** The time of day `HH:mm` on the sitting's date, as an instant. */
  const at = (hhmm: string) => `2026-01-05T${hhmm}:00.000Z`;
  const setTime = (hhmm: string) => w.clock.set(at(hhmm));
  /** The live view of queue number `q` as `alice` reads it. */
  const view = (q: number, actor: Actor = alice) =>
    uc.appointment.execute(actor, { id: booked[q - 1]!.id });
  return { w, dr, slot, alice, uc, booked, sittingId, at, setTime, view };
}
