import type { SittingId } from '../shared/primitives.js';

/**
 * The topic of a sitting's board and of its appointments' live views: `sitting:<id>`.
 * @category Live
 */
export function sittingTopic(sittingId: SittingId): string {
  return `sitting:${sittingId}`;
}

/** What a notice on a {@link sittingTopic} says: which sitting changed. @category Live */
export interface SittingNotice {
  readonly sitting_id: SittingId;
}

/**
 * The payload published on a sitting's topic: the JSON of `{ "sitting_id": n }`. It says
 * only *that* the sitting changed; receivers re-read the current board (which carries its own
 * `version`), so duplicate or reordered notices are harmless.
 * @category Live
 */
export function sittingNotice(sittingId: SittingId): string {
  const notice: SittingNotice = { sitting_id: sittingId };
  return JSON.stringify(notice);
}
