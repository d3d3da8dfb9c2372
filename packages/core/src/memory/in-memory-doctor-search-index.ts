import { normalizeCatalogName, type DoctorId, type Page } from '../models/index.js';
import type { DoctorSearchIndex, DoctorSearchQuery } from '../ports/doctor-search-index.js';
import type { DoctorView } from '../views/doctor-view.js';

/**
 * {@link DoctorSearchIndex} over a map of documents: the reference semantics of a search.
 * A name query is split into words (punctuation is a separator, case and accents are
 * ignored); each word must match a word of the doctor's name by prefix or within one edit
 * ("ayesa" → "Ayesha"). A name query without any word matches nothing. Filters are ANDed.
 * `relevance` puts prefix matches before typo matches, then sorts by name (ignoring `order`);
 * `rating` puts doctors without ratings last in both orders; ties go by name, then id.
 * @category Testing
 */
export class InMemoryDoctorSearchIndex implements DoctorSearchIndex {
  readonly engine = 'memory';
  private readonly documents = new Map<DoctorId, string>();

  prepare(): Promise<void> {
    return Promise.resolve();
  }

  upsert(doctor: DoctorView): Promise<void> {
    this.documents.set(doctor.id, JSON.stringify(doctor));
    return Promise.resolve();
  }

  remove(doctorId: DoctorId): Promise<void> {
    this.documents.delete(doctorId);
    return Promise.resolve();
  }

  get(doctorId: DoctorId): Promise<DoctorView | undefined> {
    const json = this.documents.get(doctorId);
    return Promise.resolve(json === undefined ? undefined : (JSON.parse(json) as DoctorView));
  }

  ids(): Promise<readonly DoctorId[]> {
    return Promise.resolve([...this.documents.keys()].sort((a, b) => a - b));
  }

  search(query: DoctorSearchQuery): Promise<Page<DoctorView>> {
    const words = query.name === undefined ? undefined : wordsOf(query.name);
    const matches: { doctor: DoctorView; rank: number }[] = [];
    for (const json of this.documents.values()) {
      const doctor = JSON.parse(json) as DoctorView;
      const rank = words === undefined ? 0 : nameRank(words, wordsOf(doctor.user.name));
      if (rank !== undefined && passesFilters(doctor, query)) matches.push({ doctor, rank });
    }
    const byName = (a: DoctorView, b: DoctorView): number =>
      compareText(a.user.name, b.user.name) || a.id - b.id;
    const sign = query.order === 'desc' ? -1 : 1;
    matches.sort((a, b) => {
      switch (query.sort) {
        case 'relevance': return a.rank - b.rank || byName(a.doctor, b.doctor);
        case 'name': return sign * compareText(a.doctor.user.name, b.doctor.user.name) || a.doctor.id - b.doctor.id;
        case 'experience': return sign * (a.doctor.experience - b.doctor.experience) || byName(a.doctor, b.doctor);
        case 'rating': return compareRatings(a.doctor.rating, b.doctor.rating, sign) || byName(a.doctor, b.doctor);
      }
    });
    const items = matches.slice(query.offset, query.offset + query.limit).map((m) => m.doctor);
    return Promise.resolve({ items, total: matches.length });
  }
}

function passesFilters(doctor: DoctorView, query: DoctorSearchQuery): boolean {
  if (query.specialization !== undefined) {
    const wanted = normalizeCatalogName(query.specialization);
    if (!doctor.specializations.some((s) => s.name === wanted)) return false;
  }
  if (query.qualification !== undefined) {
    const wanted = normalizeCatalogName(query.qualification);
    if (!doctor.qualifications.qualification_name.includes(wanted)) return false;
  }
  return query.day === undefined || doctor.slot.some((s) => s.day === query.day);
}

/** 0: every query word is a prefix of a name word; 1: some needed a typo; `undefined`: no match. */
function nameRank(query: readonly string[], name: readonly string[]): number | undefined {
  if (query.length === 0) return undefined;
  let rank = 0;
  for (const word of query) {
    if (name.some((n) => n.startsWith(word))) continue;
    if (!name.some((n) => withinOneEdit(word, n))) return undefined;
    rank = 1;
  }
  return rank;
}

/** Lower-case words without accents; anything but letters and digits separates words. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/** Levenshtein distance at most 1 (one insertion, deletion or substitution). */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareRatings(a: number | null, b: number | null, sign: number): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return sign * (a - b);
}
