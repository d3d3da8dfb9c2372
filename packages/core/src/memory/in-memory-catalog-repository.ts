import {
  normalizeCatalogName,
  type Qualification,
  type Specialization,
} from '../catalog/catalog.js';
import type { SpecializationId } from '../shared/primitives.js';
import type { CatalogRepository } from '../catalog/catalog-repository.js';
import { copy, nextId, type StateAccess } from './in-memory-state.js';

/** {@link CatalogRepository} over the in-memory state; lists are by id. @category Testing */
export class InMemoryCatalogRepository implements CatalogRepository {
  constructor(private readonly state: StateAccess) {}

  listSpecializations(): Promise<readonly Specialization[]> {
    return Promise.resolve(copy([...this.state().specializations.values()]));
  }

  listQualifications(): Promise<readonly Qualification[]> {
    return Promise.resolve(copy([...this.state().qualifications.values()]));
  }

  findSpecialization(id: SpecializationId): Promise<Specialization | undefined> {
    return Promise.resolve(copy(this.state().specializations.get(id)));
  }

  findSpecializationsByName(names: readonly string[]): Promise<readonly Specialization[]> {
    const wanted = new Set(names.map(normalizeCatalogName));
    return Promise.resolve(
      copy([...this.state().specializations.values()].filter((s) => wanted.has(s.name))),
    );
  }

  findQualificationsByName(names: readonly string[]): Promise<readonly Qualification[]> {
    const wanted = new Set(names.map(normalizeCatalogName));
    return Promise.resolve(
      copy([...this.state().qualifications.values()].filter((q) => wanted.has(q.name))),
    );
  }

  setSpecializationImage(id: SpecializationId, image: string): Promise<void> {
    const specializations = this.state().specializations;
    const found = specializations.get(id);
    if (found) specializations.set(id, { ...found, image });
    return Promise.resolve();
  }

  seed(specializations: readonly string[], qualifications: readonly string[]): Promise<void> {
    const s = this.state();
    for (const name of new Set(specializations.map(normalizeCatalogName))) {
      if ([...s.specializations.values()].some((x) => x.name === name)) continue;
      const id = nextId(s, 'specialization');
      s.specializations.set(id, { id, name, image: null });
    }
    for (const name of new Set(qualifications.map(normalizeCatalogName))) {
      if ([...s.qualifications.values()].some((x) => x.name === name)) continue;
      const id = nextId(s, 'qualification');
      s.qualifications.set(id, { id, name });
    }
    return Promise.resolve();
  }
}
