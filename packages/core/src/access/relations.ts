import type { Actor } from '../identity/user.js';
import type { DoctorId, UserId } from '../shared/primitives.js';

/**
 * How a caller stands to what they act on; a rule of the {@link accessPolicy} allows some of
 * them. Everyone is `anyone` (the anonymous caller too); a caller with a token is
 * `authenticated`; `owner` is the user who owns the patient (of the appointment); the
 * `doctorConcerned` is the doctor of the appointment's sitting, of the slot, or a doctor the
 * patient holds an appointment with; `doctor` is any caller with a doctor profile.
 * @category Access
 */
export const relations = [
  'anyone',
  'authenticated',
  'owner',
  'doctorConcerned',
  'doctor',
  'admin',
] as const;

/** One relation of the caller to a resource (see {@link relations}). @category Access */
export type Relation = (typeof relations)[number];

/**
 * What the use case loaded about the resource and the caller, so that the policy can tell
 * the caller's relations without any I/O. Omit what the rule does not need.
 * @category Access
 */
export interface AccessFacts {
  /** The id the caller named: a hidden refusal names it exactly as a missing resource would. */
  readonly id?: number | undefined;
  /** `false` when there is no such resource: the caller then has no relation to it. */
  readonly exists?: boolean | undefined;
  /** The user who owns the patient (of the appointment). */
  readonly ownerId?: UserId | undefined;
  /** The user of the doctor the resource concerns (the appointment's sitting's doctor). */
  readonly doctorUserId?: UserId | undefined;
  /** The doctor profile the resource concerns (the slot's doctor). */
  readonly doctorId?: DoctorId | undefined;
  /** The caller's own doctor profile, when they have one. */
  readonly callerDoctorId?: DoctorId | undefined;
  /** Whether the caller's doctor profile has this patient (the store answers it). */
  readonly treatedByCaller?: boolean | undefined;
}

/** The relations of `actor` (`undefined`: anonymous) to the resource `facts` describe. @category Access */
export function relationsOf(
  actor: Actor | undefined,
  facts: AccessFacts = {},
): ReadonlySet<Relation> {
  const found = new Set<Relation>(['anyone']);
  if (actor === undefined) return found;
  found.add('authenticated');
  if (actor.role === 'admin') found.add('admin');
  if (facts.callerDoctorId !== undefined) found.add('doctor');
  // A missing resource has no owner and no doctor: nobody can stand closer to it.
  if (facts.exists === false) return found;
  if (facts.ownerId === actor.userId) found.add('owner');
  const concerned =
    facts.doctorUserId === actor.userId ||
    (facts.doctorId !== undefined && facts.doctorId === facts.callerDoctorId) ||
    facts.treatedByCaller === true;
  if (concerned) found.add('doctorConcerned').add('doctor');
  return found;
}
