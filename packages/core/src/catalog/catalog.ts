import type { QualificationId, SpecializationId } from '../shared/primitives.js';

/** A medical specialization of the catalog (lower-case unique name). @category Models */
export interface Specialization {
  readonly id: SpecializationId;
  readonly name: string;
  /** Public path of its image, or `null`. */
  readonly image: string | null;
}

/** A qualification of the catalog (`mbbs`, `md` …). @category Models */
export interface Qualification {
  readonly id: QualificationId;
  readonly name: string;
}

/** The seed's 36 specializations, stored at start (idempotently). @category Models */
export const seedSpecializations: readonly string[] = [
  'allergist',
  'anesthesiologist',
  'cardiologist',
  'dermatologist',
  'endocrinologist',
  'gastroenterologist',
  'hematologist',
  'immunologist',
  'infectious disease specialist',
  'internist',
  'nephrologist',
  'neurologist',
  'neurosurgeon',
  'obstetrician',
  'gynecologist',
  'oncologist',
  'ophthalmologist',
  'orthopedic surgeon',
  'otolaryngologist',
  'pathologist',
  'pediatrician',
  'physiatrist',
  'plastic surgeon',
  'podiatrist',
  'psychiatrist',
  'pulmonologist',
  'radiologist',
  'rheumatologist',
  'general surgeon',
  'urologist',
  'dentist',
  'family physician',
  'geriatrician',
  'sports medicine specialist',
  'emergency physician',
  'nutritionist',
];

/** The seed's 9 qualifications. @category Models */
export const seedQualifications: readonly string[] = [
  'mbbs',
  'bds',
  'bams',
  'bums',
  'bhms',
  'byns',
  'frcps',
  'md',
  'do',
];

/** Catalog names are stored trimmed, lower-case, with inner spaces collapsed. @category Models */
export function normalizeCatalogName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}
