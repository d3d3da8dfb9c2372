/**
 * The simple model of the booking model test (fast-check commands): two sittings of one
 * doctor on one day, each with its places and its FIFO waitlist, and the latest appointment
 * of each patient in each. It decides what every command should answer, as a reader checks
 * by eye; `commands.ts` runs the real use cases and compares.
 */

/** One appointment as the model knows it; `id` is learnt from the store's answer. */
export interface ModelPlace {
  id: number;
  queue: number;
  status: 'booked' | 'cancelled';
}

/** One sitting of the model. */
export interface ModelSitting {
  status: 'scheduled' | 'in_progress' | 'cancelled';
  readonly places: number;
  /** The latest appointment of each patient (by index) in this sitting. */
  readonly latest: Map<number, ModelPlace>;
  /** Waiting patients (by index), first come first. */
  waiting: number[];
  /** The latest waitlist entry of each patient (by index) for this sitting. */
  readonly entries: Map<number, ModelEntry>;
}

/** A waitlist entry as the model knows it. */
export interface ModelEntry {
  readonly id: number;
  status: 'waiting' | 'promoted' | 'left' | 'expired';
  /** The place a promotion gave it. */
  place?: ModelPlace;
}

/** The model: the two sittings (index 0 and 1). */
export interface Model {
  readonly sittings: readonly [ModelSitting, ModelSitting];
}

/** A new model of two empty scheduled sittings of `places` places each. */
export function newModel(places: number): Model {
  const sitting = (): ModelSitting => ({
    status: 'scheduled',
    places,
    latest: new Map(),
    waiting: [],
    entries: new Map(),
  });
  return { sittings: [sitting(), sitting()] };
}

/** The active places of a sitting. */
export function activePlaces(s: ModelSitting): ModelPlace[] {
  return [...s.latest.values()].filter((p) => p.status !== 'cancelled');
}

/** Whether `patient` holds an active place in `s`. */
export function holds(s: ModelSitting, patient: number): boolean {
  const place = s.latest.get(patient);
  return place !== undefined && place.status !== 'cancelled';
}

/** The lowest queue number no active place of `s` holds. */
export function lowestFree(s: ModelSitting): number {
  const taken = new Set(activePlaces(s).map((p) => p.queue));
  let queue = 1;
  while (taken.has(queue)) queue += 1;
  return queue;
}

/** What booking `patient` into `s` answers: a refusal's code, or the queue number it gets. */
export function bookingOutcome(s: ModelSitting, patient: number): string | number {
  if (s.status === 'cancelled') return 'SITTING_CANCELLED';
  if (s.status === 'in_progress') return 'SITTING_CLOSED';
  if (holds(s, patient)) return 'ALREADY_BOOKED';
  if (activePlaces(s).length >= s.places) return 'SITTING_FULL';
  return lowestFree(s);
}

/**
 * Gives freed places of `s` to its first waiting patients (lowest numbers to the earliest),
 * as the store must in the transaction that freed them; answers the promoted patients.
 * A sitting that is not scheduled has no one waiting (its entries expired).
 */
export function promote(s: ModelSitting): number[] {
  const promoted: number[] = [];
  while (s.status === 'scheduled' && s.waiting.length > 0 && activePlaces(s).length < s.places) {
    const patient = s.waiting.shift()!;
    const place: ModelPlace = { id: -1, queue: lowestFree(s), status: 'booked' };
    const entry = s.entries.get(patient)!;
    entry.status = 'promoted';
    entry.place = place;
    s.latest.set(patient, place);
    promoted.push(patient);
  }
  return promoted;
}

/** Ends every waiting entry of `s` (the sitting started or was cancelled). */
export function expire(s: ModelSitting): void {
  for (const patient of s.waiting) s.entries.get(patient)!.status = 'expired';
  s.waiting = [];
}

/** What joining the waitlist of `s` answers for `patient`: a refusal's code, or its position. */
export function joinOutcome(s: ModelSitting, patient: number): string | number {
  if (s.status === 'cancelled') return 'SITTING_CANCELLED';
  if (s.status === 'in_progress') return 'SITTING_CLOSED';
  if (activePlaces(s).length < s.places && s.waiting.length === 0) return 'PLACES_AVAILABLE';
  if (holds(s, patient)) return 'ALREADY_BOOKED';
  if (s.waiting.includes(patient)) return 'ALREADY_WAITING';
  if (s.waiting.length >= 3 * s.places) return 'WAITLIST_FULL';
  return s.waiting.length + 1;
}
