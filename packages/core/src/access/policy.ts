import type { DomainErrorCode } from '../shared/domain-error.js';
import type { Relation } from './relations.js';

/** What the policy knows of a resource: its name, and its code when it hides. @category Access */
export interface AccessResource {
  readonly noun: string;
  /** The code a caller gets who may not see it: the one a missing resource answers. */
  readonly notFound?: DomainErrorCode;
}

/**
 * The resources rules speak of. `profile` is the caller's own doctor profile and what hangs
 * on it (slots, their patients list); `sitting` is a slot's sittings and their queues, named
 * by the slot's id, hence its code; `sittingById` is one stored sitting named by its own id
 * (starting it on the day).
 * @category Access
 */
export const accessResources = {
  account: { noun: 'account' },
  catalog: { noun: 'catalog entry' },
  doctor: { noun: 'doctor' },
  profile: { noun: 'doctor profile' },
  patient: { noun: 'patient', notFound: 'PATIENT_NOT_FOUND' },
  appointment: { noun: 'appointment', notFound: 'APPOINTMENT_NOT_FOUND' },
  sitting: { noun: 'slot', notFound: 'SLOT_NOT_FOUND' },
  sittingById: { noun: 'sitting', notFound: 'SITTING_NOT_FOUND' },
  leave: { noun: 'leave', notFound: 'LEAVE_NOT_FOUND' },
  waitlist: { noun: 'waitlist entry', notFound: 'WAITLIST_ENTRY_NOT_FOUND' },
} as const satisfies Record<string, AccessResource>;

/** A resource of the {@link accessPolicy}. @category Access */
export type AccessResourceName = keyof typeof accessResources;

/**
 * One rule: who may, and how everyone else is answered. The answer to a refused caller is
 * chosen in this order: no token → `UNAUTHENTICATED`; `doctorsOnly` and no doctor profile →
 * `NOT_A_DOCTOR` (decided before the subject is looked at, so it tells nothing about it);
 * a relation listed in `forbidden` → `FORBIDDEN`; otherwise what `refuse` says.
 * @category Access
 */
export interface AccessRule {
  /** Reading leaves the resource as it was; changing does not. */
  readonly kind: 'read' | 'change';
  /** Any one of these relations allows. */
  readonly allow: readonly Relation[];
  /** `hidden`: the resource's `*_NOT_FOUND`, as if it did not exist; or `FORBIDDEN`, `NOT_A_DOCTOR`. */
  readonly refuse: 'hidden' | 'forbidden' | 'notADoctor';
  /** Relations told `FORBIDDEN` instead of hidden: they may read the resource, so hiding it protects nothing. */
  readonly forbidden?: readonly Relation[];
  /** The doctor's area: a caller without a doctor profile (and not allowed) is told `NOT_A_DOCTOR`. */
  readonly doctorsOnly?: true;
  /** Who may, in words (the message of `FORBIDDEN`). */
  readonly who: string;
}

const signedIn = 'a signed-in user';
const readers = 'its owner, its doctor or an admin';
const ofSitting = 'the doctor of the sitting';

/**
 * Who may read or change what: the one table every use case asks (through {@link authorize})
 * and the HTTP authorization matrix is generated from.
 *
 * Rules of the table, decided once:
 * - A resource a caller may not read answers as missing (`*_NOT_FOUND`), so ids cannot be
 *   probed. Only a caller who may read it is ever told `FORBIDDEN` (a test checks it); where
 *   today's API hides it from a reader too (an admin cancelling, a doctor rating), it stays so.
 * - An admin reads every patient, appointment and sitting queue, as their owner or doctor
 *   does, and changes only the catalog. (Before this table an admin could read patients and
 *   appointments but not a sitting's queue; the queue now follows the same rule.)
 * - A caller's own things (account, patients list, appointments list, doctor profile) need
 *   no subject: being authenticated, or a doctor, is enough.
 * - Public directory reads (`doctor.read`, `catalog.read`), the public queue board of a
 *   sitting (`sittingById.read`) and registrations take no actor in core; the host enforces them (bearer or none) and the matrix test proves it does.
 * - Tokens (`/auth/get_token`, `/auth/logout`) are authentication, not a rule of this table.
 * @category Access
 */
// One rule a line, so the table reads as one: prettier would break it into a list.
// prettier-ignore
export const accessPolicy = {
  'account.register':       { kind: 'change', allow: ['anyone'],                            refuse: 'forbidden',                        who: 'anyone' },
  'account.read':           { kind: 'read',   allow: ['authenticated'],                     refuse: 'forbidden',                        who: signedIn },
  'catalog.read':           { kind: 'read',   allow: ['authenticated'],                     refuse: 'forbidden',                        who: signedIn },
  'catalog.manage':         { kind: 'change', allow: ['admin'],                             refuse: 'forbidden',                        who: 'an admin' },
  'doctor.register':        { kind: 'change', allow: ['anyone'],                            refuse: 'forbidden',                        who: 'anyone' },
  'doctor.read':            { kind: 'read',   allow: ['authenticated'],                     refuse: 'forbidden',                        who: signedIn },
  'profile.read':           { kind: 'read',   allow: ['doctor'],                            refuse: 'notADoctor',                       who: 'a doctor' },
  'profile.edit':           { kind: 'change', allow: ['doctor'],                            refuse: 'notADoctor',                       who: 'a doctor' },
  'profile.addSlot':        { kind: 'change', allow: ['doctor'],                            refuse: 'notADoctor',                       who: 'a doctor' },
  'profile.listPatients':   { kind: 'read',   allow: ['doctor'],                            refuse: 'notADoctor',                       who: 'a doctor' },
  'profile.takeLeave':      { kind: 'change', allow: ['doctor'],                            refuse: 'notADoctor',                       who: 'a doctor' },
  'profile.listLeaves':     { kind: 'read',   allow: ['doctor'],                            refuse: 'notADoctor',                       who: 'a doctor' },
  'patient.register':       { kind: 'change', allow: ['authenticated'],                     refuse: 'forbidden',                        who: signedIn },
  'patient.listOwn':        { kind: 'read',   allow: ['authenticated'],                     refuse: 'forbidden',                        who: signedIn },
  'patient.read':           { kind: 'read',   allow: ['owner', 'doctorConcerned', 'admin'], refuse: 'hidden',                           who: readers },
  'patient.book':           { kind: 'change', allow: ['owner'],                             refuse: 'hidden',                           who: 'its owner' },
  'patient.joinWaitlist':   { kind: 'change', allow: ['owner'],                             refuse: 'hidden',                           who: 'its owner' },
  'appointment.listOwn':    { kind: 'read',   allow: ['authenticated'],                     refuse: 'forbidden',                        who: signedIn },
  'appointment.read':       { kind: 'read',   allow: ['owner', 'doctorConcerned', 'admin'], refuse: 'hidden',                           who: readers },
  'appointment.cancel':     { kind: 'change', allow: ['owner', 'doctorConcerned'],          refuse: 'hidden',                           who: `its owner or ${ofSitting}` },
  'appointment.reschedule': { kind: 'change', allow: ['owner'],                             refuse: 'hidden',                           who: 'its owner' },
  'appointment.rate':       { kind: 'change', allow: ['owner'],                             refuse: 'hidden',                           who: 'its owner' },
  'appointment.checkIn':    { kind: 'change', allow: ['doctorConcerned'],                   refuse: 'hidden',     forbidden: ['owner'], who: ofSitting },
  'appointment.complete':   { kind: 'change', allow: ['doctorConcerned'],                   refuse: 'hidden',     forbidden: ['owner'], who: ofSitting },
  'appointment.markNoShow': { kind: 'change', allow: ['doctorConcerned'],                   refuse: 'hidden',     forbidden: ['owner'], who: ofSitting },
  'appointment.call':       { kind: 'change', allow: ['doctorConcerned'],                   refuse: 'hidden',     forbidden: ['owner'], who: ofSitting },
  'sitting.read':           { kind: 'read',   allow: ['doctorConcerned', 'admin'],          refuse: 'hidden',     doctorsOnly: true,    who: `${ofSitting} or an admin` },
  'sitting.cancel':         { kind: 'change', allow: ['doctorConcerned'],                   refuse: 'hidden',     doctorsOnly: true,    who: ofSitting },
  'sittingById.read':       { kind: 'read',   allow: ['anyone'],                            refuse: 'forbidden',                        who: 'anyone' },
  'sittingById.start':      { kind: 'change', allow: ['doctorConcerned'],                   refuse: 'hidden',     doctorsOnly: true,    who: ofSitting },
  'leave.read':             { kind: 'read',   allow: ['doctorConcerned', 'admin'],          refuse: 'hidden',     doctorsOnly: true,    who: 'the doctor of the leave or an admin' },
  'leave.reopen':           { kind: 'change', allow: ['doctorConcerned'],                   refuse: 'hidden',     doctorsOnly: true,    who: 'the doctor of the leave' },
  'waitlist.listOwn':       { kind: 'read',   allow: ['authenticated'],                     refuse: 'forbidden',                        who: signedIn },
  'waitlist.read':          { kind: 'read',   allow: ['owner', 'admin'],                    refuse: 'hidden',                           who: 'its owner or an admin' },
  'waitlist.leave':         { kind: 'change', allow: ['owner'],                             refuse: 'hidden',                           who: 'its owner' },
} as const satisfies Record<`${AccessResourceName}.${string}`, AccessRule>;

/** One entry of the {@link accessPolicy}: `resource.action`. @category Access */
export type PolicyKey = keyof typeof accessPolicy;

/** Every key of the {@link accessPolicy}, in table order. @category Access */
export const policyKeys = Object.keys(accessPolicy) as PolicyKey[];

/** The resource a policy key speaks of. @category Access */
export function resourceOf(key: PolicyKey): AccessResourceName {
  return key.slice(0, key.indexOf('.')) as AccessResourceName;
}

/** The code `key`'s resource answers when it hides (as when missing); `undefined`: it never hides. @category Access */
export function notFoundCodeOf(key: PolicyKey): DomainErrorCode | undefined {
  const resource: AccessResource = accessResources[resourceOf(key)];
  return resource.notFound;
}
