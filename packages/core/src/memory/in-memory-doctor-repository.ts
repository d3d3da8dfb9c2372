import { DomainError } from '../shared/domain-error.js';
import type { Doctor, DoctorQualification, DoctorSnapshot } from '../doctors/doctor.js';
import type {
  DoctorId,
  Page,
  PageRequest,
  SpecializationId,
  UserId,
} from '../shared/primitives.js';
import type { DoctorRepository } from '../doctors/doctor-repository.js';
import { compareSlots } from './in-memory-slot-repository.js';
import { copy, nextId, pageOf, type InMemoryState, type StateAccess } from './in-memory-state.js';

/** {@link DoctorRepository} over the in-memory state. @category Testing */
export class InMemoryDoctorRepository implements DoctorRepository {
  constructor(private readonly state: StateAccess) {}

  create(doctor: Omit<Doctor, 'id'>): Promise<Doctor> {
    const s = this.state();
    if ([...s.doctors.values()].some((d) => d.userId === doctor.userId)) {
      return Promise.reject(
        new DomainError('ALREADY_A_DOCTOR', 'The user already has a doctor profile.'),
      );
    }
    const created: Doctor = { ...copy(doctor), id: nextId(s, 'doctor') };
    s.doctors.set(created.id, created);
    return Promise.resolve(copy(created));
  }

  findById(id: DoctorId): Promise<Doctor | undefined> {
    return Promise.resolve(copy(this.state().doctors.get(id)));
  }

  findByUserId(userId: UserId): Promise<Doctor | undefined> {
    return Promise.resolve(
      copy([...this.state().doctors.values()].find((d) => d.userId === userId)),
    );
  }

  update(id: DoctorId, changes: { description?: string; image?: string | null }): Promise<void> {
    const doctors = this.state().doctors;
    const found = doctors.get(id);
    if (found) doctors.set(id, { ...found, ...changes });
    return Promise.resolve();
  }

  addSpecializations(id: DoctorId, specializationIds: readonly SpecializationId[]): Promise<void> {
    const s = this.state();
    const held = s.doctorSpecializations.get(id) ?? [];
    s.doctorSpecializations.set(id, [...new Set([...held, ...specializationIds])]);
    return Promise.resolve();
  }

  addQualifications(id: DoctorId, qualifications: readonly DoctorQualification[]): Promise<void> {
    const s = this.state();
    const held = [...(s.doctorQualifications.get(id) ?? [])];
    for (const q of qualifications) {
      const same = held.some(
        (h) =>
          h.qualificationId === q.qualificationId &&
          h.procurementDate === q.procurementDate &&
          h.institute === q.institute,
      );
      if (!same) held.push(copy(q));
    }
    s.doctorQualifications.set(id, held);
    return Promise.resolve();
  }

  snapshot(id: DoctorId): Promise<DoctorSnapshot | undefined> {
    return Promise.resolve(snapshotOf(this.state(), id));
  }

  snapshots(ids: readonly DoctorId[]): Promise<readonly DoctorSnapshot[]> {
    const s = this.state();
    return Promise.resolve(
      ids.map((id) => snapshotOf(s, id)).filter((x): x is DoctorSnapshot => x !== undefined),
    );
  }

  list(page: PageRequest): Promise<Page<DoctorSnapshot>> {
    const s = this.state();
    const ids = [...s.doctors.keys()].sort((a, b) => a - b);
    const { items, total } = pageOf(ids, page);
    return Promise.resolve({ items: items.map((id) => snapshotOf(s, id)!), total });
  }

  idsAfter(afterId: DoctorId, limit: number): Promise<readonly DoctorId[]> {
    return Promise.resolve(
      [...this.state().doctors.keys()]
        .filter((id) => id > afterId)
        .sort((a, b) => a - b)
        .slice(0, limit),
    );
  }

  ratingTotals(): Promise<{ sum: number; count: number }> {
    const ratings = [...this.state().ratings.values()];
    return Promise.resolve({
      sum: ratings.reduce((t, r) => t + r.stars, 0),
      count: ratings.length,
    });
  }

  popular(
    priorMean: number,
    priorWeight: number,
    page: PageRequest,
  ): Promise<Page<DoctorSnapshot>> {
    const s = this.state();
    const ranked = [...s.doctors.keys()]
      .map((id) => snapshotOf(s, id)!)
      .map((snap) => ({
        snap,
        score: (priorWeight * priorMean + snap.ratingSum) / (priorWeight + snap.ratingCount),
      }))
      .sort(
        (a, b) =>
          b.score - a.score ||
          b.snap.patientCount - a.snap.patientCount ||
          a.snap.doctor.id - b.snap.doctor.id,
      )
      .map((x) => x.snap);
    return Promise.resolve(pageOf(ranked, page));
  }
}

/** Assembles a doctor's snapshot; specializations by id, qualifications as added, slots by weekday then start. */
function snapshotOf(s: InMemoryState, id: DoctorId): DoctorSnapshot | undefined {
  const doctor = s.doctors.get(id);
  const user = doctor && s.users.get(doctor.userId);
  if (!doctor || !user) return undefined;
  const { passwordHash: _hidden, ...publicUser } = user;
  const specializations = (s.doctorSpecializations.get(id) ?? [])
    .map((sid) => s.specializations.get(sid))
    .filter((x) => x !== undefined)
    .sort((a, b) => a.id - b.id)
    .map(({ id: sid, name }) => ({ id: sid, name }));
  const ratings = [...s.ratings.values()].filter((r) => r.doctorId === id);
  const patients = new Set(
    [...s.appointments.values()]
      .filter((a) => a.doctorId === id && a.status !== 'cancelled')
      .map((a) => a.patientId),
  );
  return copy({
    doctor,
    user: publicUser,
    specializations,
    qualifications: s.doctorQualifications.get(id) ?? [],
    slots: [...s.slots.values()].filter((slot) => slot.doctorId === id).sort(compareSlots),
    ratingSum: ratings.reduce((t, r) => t + r.stars, 0),
    ratingCount: ratings.length,
    patientCount: patients.size,
  });
}
