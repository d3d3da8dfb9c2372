import type { Qualification, Specialization } from './catalog.js';
import type { SpecializationId } from '../shared/primitives.js';

/** The reads of {@link CatalogRepository}: what `UnitOfWork.read` offers. @category Ports */
export interface CatalogReader {
  listSpecializations(): Promise<readonly Specialization[]>;
  listQualifications(): Promise<readonly Qualification[]>;
  findSpecialization(id: SpecializationId): Promise<Specialization | undefined>;
  /** The specializations with these (normalised) names; unknown names are left out. */
  findSpecializationsByName(names: readonly string[]): Promise<readonly Specialization[]>;
  findQualificationsByName(names: readonly string[]): Promise<readonly Qualification[]>;
}

/** The catalog of specializations and qualifications. @category Ports */
export interface CatalogRepository extends CatalogReader {
  setSpecializationImage(id: SpecializationId, image: string): Promise<void>;
  /** Inserts the names that are missing; existing ones are left as they are (idempotent). */
  seed(specializations: readonly string[], qualifications: readonly string[]): Promise<void>;
}
