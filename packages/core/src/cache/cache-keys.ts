import type { DoctorId, PageRequest, SittingId, UserId } from '../shared/primitives.js';

/** Seconds each kind of cached read lives (invalidation by tag usually comes first). @category Use cases */
export const cacheTtl = {
  doctor: 300,
  user: 300,
  lists: 60,
  search: 30,
  timings: 30,
  queue: 30,
  catalog: 3600,
} as const;

/** Tags that invalidate cached reads; see {@link tagsForEvent}. @category Use cases */
export const cacheTags = {
  /** Public data of one doctor: view, slots, timings. */
  doctor: (id: DoctorId): string => `doctor:${id}`,
  /** Lists of doctors: all, popular, search. */
  doctors: 'doctors',
  /** One sitting's queue. */
  sitting: (id: SittingId): string => `sitting:${id}`,
  /** A user's own data: info, patients, appointments. */
  user: (id: UserId): string => `user:${id}`,
  /** A doctor's patients, seen only by that doctor. */
  doctorPrivate: (id: DoctorId): string => `doctor-private:${id}`,
  catalog: 'catalog',
} as const;

const paged = (page: PageRequest): string => `${page.limit}:${page.offset}`;

/**
 * Cache keys of the cached reads. Per-user data always has the user id in its key, so one
 * user's answer is never served to another.
 * @category Use cases
 */
export const cacheKeys = {
  doctor: (id: DoctorId): string => `doctor:${id}:view`,
  doctorSlots: (id: DoctorId): string => `doctor:${id}:slots`,
  doctorTimings: (id: DoctorId): string => `doctor:${id}:timings`,
  doctorList: (page: PageRequest): string => `doctors:all:${paged(page)}`,
  popularDoctors: (page: PageRequest): string => `doctors:popular:${paged(page)}`,
  /** `normalizedQuery`: the parsed query serialised with a fixed key order. */
  doctorSearch: (normalizedQuery: string): string => `doctors:search:${normalizedQuery}`,
  currentUser: (userId: UserId): string => `user:${userId}:info`,
  /** Who a token's user is for authentication: `{ id, role }` only, never the password hash. */
  userIdentity: (userId: UserId): string => `user:${userId}:identity`,
  userPatients: (userId: UserId, page: PageRequest): string =>
    `user:${userId}:patients:${paged(page)}`,
  userAppointments: (userId: UserId, page: PageRequest): string =>
    `user:${userId}:appointments:${paged(page)}`,
  doctorPatients: (doctorId: DoctorId, page: PageRequest): string =>
    `doctor-private:${doctorId}:patients:${paged(page)}`,
  sittingQueue: (sittingId: SittingId): string => `sitting:${sittingId}:queue`,
  specializations: 'catalog:specializations',
  qualifications: 'catalog:qualifications',
} as const;
