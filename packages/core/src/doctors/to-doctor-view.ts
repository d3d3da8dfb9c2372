import { experienceYears } from './experience-years.js';
import type { DoctorSnapshot } from './doctor.js';
import type { User } from '../identity/user.js';
import type { Slot } from '../scheduling/slot.js';
import { isoWeekday } from '../shared/primitives.js';
import { slotEnd } from '../scheduling/local-time.js';
import type { DoctorView, SlotView, UserView } from './doctor-view.js';

/** A user as the API shows it; the password hash is never copied. @category Views */
export function toUserView(user: Omit<User, 'passwordHash'>): UserView {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    registered_at: user.registeredAt.toISOString(),
    confirmed: user.confirmed,
    role: user.role,
  };
}

/** A slot as the API shows it, with its local end time. @category Views */
export function toSlotView(slot: Slot): SlotView {
  return {
    id: slot.id,
    day: slot.day,
    start: slot.start,
    end: slotEnd(slot),
    consultation_fee: slot.fee,
    appointment_duration: slot.durationMinutes,
    num_slots: slot.places,
    time_zone: slot.timeZone,
  };
}

/** Mean of the ratings to two decimals, `null` without ratings. */
function meanRating(sum: number, count: number): number | null {
  return count === 0 ? null : Math.round((sum / count) * 100) / 100;
}

/**
 * The doctor JSON of the API and of the search index. Experience is counted to `now`;
 * qualifications come oldest first, slots by weekday then start.
 * @category Views
 */
export function toDoctorView(snapshot: DoctorSnapshot, now: Date): DoctorView {
  const qualifications = [...snapshot.qualifications].sort(
    (a, b) => a.procurementDate.localeCompare(b.procurementDate) || a.name.localeCompare(b.name),
  );
  const slots = [...snapshot.slots].sort(
    (a, b) =>
      isoWeekday(a.day) - isoWeekday(b.day) || a.start.localeCompare(b.start) || a.id - b.id,
  );
  return {
    id: snapshot.doctor.id,
    user: toUserView(snapshot.user),
    description: snapshot.doctor.description,
    image: snapshot.doctor.image,
    experience: experienceYears(qualifications[0]?.procurementDate, now),
    rating: meanRating(snapshot.ratingSum, snapshot.ratingCount),
    rating_count: snapshot.ratingCount,
    no_of_patients: snapshot.patientCount,
    specializations: [...snapshot.specializations]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(({ id, name }) => ({ id, name })),
    qualifications: {
      qualification_name: qualifications.map((q) => q.name),
      procurement_year: qualifications.map((q) => q.procurementDate),
      institute_name: qualifications.map((q) => q.institute),
    },
    slot: slots.map(toSlotView),
  };
}
