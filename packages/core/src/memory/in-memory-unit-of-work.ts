import type { DomainEvent } from '../shared/domain-event.js';
import type { AppointmentDetails } from '../booking/appointment.js';
import type { SittingBookingRequest } from '../booking/appointment-repository.js';
import type {
  CommittedBooking,
  OutboxWriter,
  ReadRepositories,
  Repositories,
  UnitOfWork,
} from '../shared/unit-of-work.js';
import { commitBookingInTransaction } from '../shared/commit-booking.js';
import { InMemoryAppointmentRepository } from './in-memory-appointment-repository.js';
import { InMemoryCatalogRepository } from './in-memory-catalog-repository.js';
import { InMemoryDoctorRepository } from './in-memory-doctor-repository.js';
import { InMemoryPatientRepository } from './in-memory-patient-repository.js';
import { InMemoryRatingRepository } from './in-memory-rating-repository.js';
import { InMemorySittingRepository } from './in-memory-sitting-repository.js';
import { InMemorySlotRepository } from './in-memory-slot-repository.js';
import {
  copy,
  emptyInMemoryState,
  nextId,
  type InMemoryState,
  type StateAccess,
} from './in-memory-state.js';
import { InMemoryUserRepository } from './in-memory-user-repository.js';
import { InMemoryWaitlistRepository } from './in-memory-waitlist-repository.js';

/**
 * The {@link UnitOfWork} port over plain maps: the reference the SQL adapters are checked
 * against, and a store for demos. A transaction works on a deep copy of the committed state
 * and replaces it only when the work succeeds (all or nothing, outbox included);
 * transactions run one at a time, so bookings through it are atomic. `read` sees only
 * committed state.
 * @category Testing
 */
export class InMemoryUnitOfWork implements UnitOfWork {
  private committed: InMemoryState = emptyInMemoryState();
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * Reads of the committed state, as it is at each call. Typed as reads only: a write must
   * go through `transaction`, which queues it; one made straight on the committed state
   * would be lost when a transaction in flight commits its older copy.
   */
  readonly read: ReadRepositories = repositoriesOver(() => this.committed);

  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      const draft = copy(this.committed);
      const result = await work(repositoriesOver(() => draft));
      this.committed = draft;
      return result;
    });
  }

  /** One booking, one transaction: bookings here are never grouped. */
  commitBooking(
    request: SittingBookingRequest,
    eventsOf: (details: AppointmentDetails) => readonly DomainEvent[],
    now: Date,
  ): Promise<CommittedBooking> {
    return commitBookingInTransaction(this, request, eventsOf, now);
  }

  /**
   * Runs `change` alone on the committed state (the outbox relay's bookkeeping); `change`
   * must either throw before mutating or not throw.
   */
  exclusive<T>(change: (state: InMemoryState) => T | Promise<T>): Promise<T> {
    const run = this.queue.then(() => change(this.committed));
    // The queue must survive a failed step, or every later transaction would fail too.
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A deep copy of the committed state, for assertions in tests. */
  snapshot(): InMemoryState {
    return copy(this.committed);
  }
}

/** Every repository over one state. */
function repositoriesOver(state: StateAccess): Repositories {
  return {
    users: new InMemoryUserRepository(state),
    doctors: new InMemoryDoctorRepository(state),
    catalog: new InMemoryCatalogRepository(state),
    patients: new InMemoryPatientRepository(state),
    slots: new InMemorySlotRepository(state),
    sittings: new InMemorySittingRepository(state),
    appointments: new InMemoryAppointmentRepository(state),
    ratings: new InMemoryRatingRepository(state),
    waitlist: new InMemoryWaitlistRepository(state),
    outbox: new InMemoryOutboxWriter(state),
  };
}

/** {@link OutboxWriter} over the in-memory state. @category Testing */
export class InMemoryOutboxWriter implements OutboxWriter {
  constructor(private readonly state: StateAccess) {}

  append(events: readonly DomainEvent[], now: Date): Promise<void> {
    const s = this.state();
    for (const event of events) {
      const id = nextId(s, 'outbox');
      s.outbox.set(id, {
        id,
        event: copy(event),
        createdAt: new Date(now.getTime()),
        attempts: 0,
        lastError: null,
        completedAt: null,
        parked: false,
        leaseUntil: null,
        retryAt: null,
      });
    }
    return Promise.resolve();
  }
}
