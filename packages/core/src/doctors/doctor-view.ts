import type { Role } from '../identity/user.js';
import type { Weekday } from '../shared/primitives.js';

/** A user as the API shows it: never a password or its hash. @category Views */
export interface UserView {
  id: number;
  name: string;
  email: string;
  /** ISO 8601 instant. */
  registered_at: string;
  confirmed: boolean;
  role: Role;
}

/** A weekly slot as the API shows it. @category Views */
export interface SlotView {
  id: number;
  day: Weekday;
  /** Local `HH:mm`. */
  start: string;
  /** Local `HH:mm`: start + appointment_duration × num_slots. */
  end: string;
  consultation_fee: number;
  appointment_duration: number;
  num_slots: number;
  time_zone: string;
}

/**
 * The doctor JSON of the API and of the search index (shared/DESIGN.md). Derived fields:
 * `experience` (whole years since the earliest qualification), `rating` (mean, `null`
 * without ratings), `no_of_patients` (distinct patients with a non-cancelled appointment).
 * @category Views
 */
export interface DoctorView {
  id: number;
  user: UserView;
  description: string;
  /** Public path of the picture (the host makes it an absolute URL), or `null`. */
  image: string | null;
  experience: number;
  rating: number | null;
  /** Number of ratings behind `rating`. */
  rating_count: number;
  no_of_patients: number;
  specializations: { id: number; name: string }[];
  qualifications: {
    qualification_name: string[];
    /** ISO dates `YYYY-MM-DD`, same order as `qualification_name`. */
    procurement_year: string[];
    institute_name: string[];
  };
  slot: SlotView[];
}
