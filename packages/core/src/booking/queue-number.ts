/**
 * The lowest queue number in `1…places` that no active appointment holds, so a place freed
 * by a cancellation is handed out again; `undefined` when the sitting is full.
 * @category Booking
 */
export function lowestFreeQueueNumber(taken: Iterable<number>, places: number): number | undefined {
  const held = new Set(taken);
  for (let queueNumber = 1; queueNumber <= places; queueNumber++) {
    if (!held.has(queueNumber)) return queueNumber;
  }
  return undefined;
}
