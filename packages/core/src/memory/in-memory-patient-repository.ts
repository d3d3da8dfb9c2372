import type { NewPatient, Patient } from '../patients/patient.js';
import type { Page, PageRequest, PatientId, UserId } from '../shared/primitives.js';
import type { PatientRepository } from '../patients/patient-repository.js';
import { copy, nextId, pageOf, type StateAccess } from './in-memory-state.js';

/** {@link PatientRepository} over the in-memory state. @category Testing */
export class InMemoryPatientRepository implements PatientRepository {
  constructor(private readonly state: StateAccess) {}

  create(patient: NewPatient): Promise<Patient> {
    const s = this.state();
    const created: Patient = { ...copy(patient), id: nextId(s, 'patient') };
    s.patients.set(created.id, created);
    return Promise.resolve(copy(created));
  }

  // Transactions on the in-memory state are serialized: counting is enough.
  lockAndCountOwned(ownerId: UserId): Promise<number> {
    let owned = 0;
    for (const p of this.state().patients.values()) if (p.ownerId === ownerId) owned++;
    return Promise.resolve(owned);
  }

  findById(id: PatientId): Promise<Patient | undefined> {
    return Promise.resolve(copy(this.state().patients.get(id)));
  }

  listByOwner(ownerId: UserId, page: PageRequest): Promise<Page<Patient>> {
    const mine = [...this.state().patients.values()]
      .filter((p) => p.ownerId === ownerId)
      .sort((a, b) => a.id - b.id);
    return Promise.resolve(pageOf(mine, page));
  }
}
