import type { Leave, LeaveId, NewLeave } from '../leave/leave.js';
import type { HeldSittings, LeaveRepository } from '../leave/leave-repository.js';
import type { NewSitting, Sitting } from '../scheduling/sitting.js';
import type { DoctorId, LocalDate, Page, PageRequest, SittingId } from '../shared/primitives.js';
import { copy, nextId, pageOf, type StateAccess } from './in-memory-state.js';

/**
 * {@link LeaveRepository} over the in-memory state. Transactions here run one at a time, so
 * the doctor's leave lock has nothing to do.
 * @category Testing
 */
export class InMemoryLeaveRepository implements LeaveRepository {
  constructor(private readonly state: StateAccess) {}

  findById(id: LeaveId): Promise<Leave | undefined> {
    return Promise.resolve(copy(this.state().leaves.get(id)));
  }

  listByDoctor(doctorId: DoctorId, page: PageRequest): Promise<Page<Leave>> {
    const mine = [...this.state().leaves.values()]
      .filter((l) => l.doctorId === doctorId)
      .sort((a, b) => b.id - a.id);
    return Promise.resolve(pageOf(mine, page));
  }

  listActive(doctorId: DoctorId, onOrAfter: LocalDate): Promise<readonly Leave[]> {
    const active = [...this.state().leaves.values()]
      .filter((l) => l.doctorId === doctorId && l.reopenedAt === null && l.to >= onOrAfter)
      .sort((a, b) => a.id - b.id);
    return Promise.resolve(copy(active));
  }

  listSittings(id: LeaveId): Promise<readonly Sitting[]> {
    const s = this.state();
    const held = [...s.sittingLeaves]
      .filter(([, leave]) => leave === id)
      .map(([sitting]) => s.sittings.get(sitting))
      .filter((x): x is Sitting => x !== undefined)
      .sort((a, b) => a.id - b.id);
    return Promise.resolve(copy(held));
  }

  lockDoctor(): Promise<void> {
    return Promise.resolve();
  }

  create(leave: NewLeave): Promise<Leave> {
    const s = this.state();
    const created: Leave = {
      ...copy(leave),
      id: nextId(s, 'leave'),
      reopenedAt: null,
      cancelledSittings: 0,
      cancelledAppointments: 0,
    };
    s.leaves.set(created.id, created);
    return Promise.resolve(copy(created));
  }

  addCounts(id: LeaveId, sittings: number, appointments: number): Promise<void> {
    const leaves = this.state().leaves;
    const found = leaves.get(id);
    if (found) {
      leaves.set(id, {
        ...found,
        cancelledSittings: found.cancelledSittings + sittings,
        cancelledAppointments: found.cancelledAppointments + appointments,
      });
    }
    return Promise.resolve();
  }

  cancelSittings(id: LeaveId, sittings: readonly NewSitting[]): Promise<HeldSittings> {
    const s = this.state();
    const created: Sitting[] = [];
    const cancelled: Sitting[] = [];
    for (const wanted of sittings) {
      const existing = [...s.sittings.values()].find(
        (x) => x.slotId === wanted.slotId && x.date === wanted.date,
      );
      if (existing === undefined) {
        const stored: Sitting = {
          ...copy(wanted),
          id: nextId(s, 'sitting'),
          status: 'cancelled',
          booked: 0,
          startedAt: null,
          version: 0,
        };
        s.sittings.set(stored.id, stored);
        s.sittingLeaves.set(stored.id, id);
        created.push(stored);
      } else if (existing.status === 'scheduled') {
        const now: Sitting = { ...existing, status: 'cancelled', version: existing.version + 1 };
        s.sittings.set(existing.id, now);
        s.sittingLeaves.set(existing.id, id);
        cancelled.push(now);
      }
    }
    const byId = (a: Sitting, b: Sitting) => a.id - b.id;
    return Promise.resolve(copy({ created: created.sort(byId), cancelled: cancelled.sort(byId) }));
  }

  markReopened(id: LeaveId, at: Date): Promise<boolean> {
    const leaves = this.state().leaves;
    const found = leaves.get(id);
    if (found?.reopenedAt !== null) return Promise.resolve(false);
    leaves.set(id, { ...found, reopenedAt: new Date(at.getTime()) });
    return Promise.resolve(true);
  }

  reopenSittings(id: LeaveId, ids: readonly SittingId[], now: Date): Promise<readonly Sitting[]> {
    const s = this.state();
    const reopened: Sitting[] = [];
    for (const sittingId of [...new Set(ids)].sort((a, b) => a - b)) {
      const found = s.sittings.get(sittingId);
      if (found?.status !== 'cancelled' || s.sittingLeaves.get(sittingId) !== id) continue;
      if (found.startsAt.getTime() <= now.getTime()) continue;
      const back: Sitting = { ...found, status: 'scheduled', version: found.version + 1 };
      s.sittings.set(sittingId, back);
      s.sittingLeaves.delete(sittingId);
      reopened.push(back);
    }
    return Promise.resolve(copy(reopened));
  }

  handOver(from: LeaveId, to: LeaveId, ids: readonly SittingId[]): Promise<void> {
    const held = this.state().sittingLeaves;
    for (const sittingId of ids) if (held.get(sittingId) === from) held.set(sittingId, to);
    return Promise.resolve();
  }
}
