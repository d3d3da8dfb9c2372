import type { DoctorView } from '@doctorly/core';
import { wordsOf } from './query-builder.js';

/**
 * What the adapter adds to a {@link DoctorView} for the index: name words as the engine must
 * see them (accent-free, split like core's rule), sort keys (a rating of `null` cannot be a
 * NUMERIC value, so `rating_key` is -1 then), and the few fields the adapter sorts by in code.
 */
export interface IndexFields {
  readonly words: string;
  readonly name: string;
  readonly rating: number | null;
  readonly rating_key: number;
  readonly experience: number;
  readonly id: number;
}

/** The stored JSON document: the view as given, plus {@link IndexFields} under `_index`. */
export type DoctorDocument = DoctorView & { readonly _index: IndexFields };

/** The document stored for `view`. */
export function toDocument(view: DoctorView): DoctorDocument {
  return { ...view, _index: indexFieldsOf(view) };
}

/** The index fields of a view. */
export function indexFieldsOf(view: DoctorView): IndexFields {
  return {
    words: wordsOf(view.user.name).join(' '),
    name: view.user.name,
    rating: view.rating,
    rating_key: view.rating ?? -1,
    experience: view.experience,
    id: view.id,
  };
}

/** The view inside a stored document: exactly what was upserted. */
export function fromDocument(document: DoctorDocument): DoctorView {
  const { _index: _ignored, ...view } = document;
  return view;
}

/**
 * Parses a `JSON.GET`/`JSON.MGET` reply for the `$` path (a JSON array holding the one
 * match), or `undefined` for a missing key.
 */
export function parsePathReply<T>(reply: unknown): T | undefined {
  if (typeof reply !== 'string') return undefined;
  const parsed = JSON.parse(reply) as unknown;
  return Array.isArray(parsed) ? (parsed[0] as T | undefined) : (parsed as T);
}
