import { normalizeCatalogName } from '../catalog/catalog.js';
import type { DoctorId, Page } from '../shared/primitives.js';
import type { DoctorSearchIndex, DoctorSearchQuery } from '../search/doctor-search-index.js';
import type { DoctorView } from '../doctors/doctor-view.js';
import {
  compareNames,
  compareRatings,
  nameMatchRank,
  searchWordsOf,
} from '../search/name-match.js';

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
  /** It stores the upserted views: the outbox relay must keep them current. */
  readonly keepsDocuments = true;
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
    const words = query.name === undefined ? undefined : searchWordsOf(query.name);
    const matches: { doctor: DoctorView; rank: number }[] = [];
    for (const json of this.documents.values()) {
      const doctor = JSON.parse(json) as DoctorView;
      const rank = words === undefined ? 0 : nameMatchRank(words, searchWordsOf(doctor.user.name));
      if (rank !== undefined && passesFilters(doctor, query)) matches.push({ doctor, rank });
    }
    const byName = (a: DoctorView, b: DoctorView): number =>
      compareNames(a.user.name, b.user.name) || a.id - b.id;
    const sign = query.order === 'desc' ? -1 : 1;
    matches.sort((a, b) => {
      switch (query.sort) {
        case 'relevance':
          return a.rank - b.rank || byName(a.doctor, b.doctor);
        case 'name':
          return (
            sign * compareNames(a.doctor.user.name, b.doctor.user.name) || a.doctor.id - b.doctor.id
          );
        case 'experience':
          return sign * (a.doctor.experience - b.doctor.experience) || byName(a.doctor, b.doctor);
        case 'rating':
          return (
            compareRatings(a.doctor.rating, b.doctor.rating, sign) || byName(a.doctor, b.doctor)
          );
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
