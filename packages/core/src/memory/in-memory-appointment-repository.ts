import type {
  Appointment,
  AppointmentDetails,
  AppointmentHistoryEntry,
} from '../booking/appointment.js';
import type { Patient } from '../patients/patient.js';
import type {
  AppointmentId,
  DoctorId,
  Page,
  PageRequest,
  PatientId,
  SittingId,
  UserId,
} from '../shared/primitives.js';
import type {
  AppointmentRepository,
  BookingContext,
  BookingContextQuery,
  BookingRequest,
  LiveSittingState,
  SittingBookingRequest,
  StatusChange,
} from '../booking/appointment-repository.js';
import {
  bookIn,
  bookingContextIn,
  detailsOf,
  ensureSittingAndBookIn,
} from './in-memory-booking.js';
import { copy, pageOf, type InMemoryState, type StateAccess } from './in-memory-state.js';

/**
 * {@link AppointmentRepository} over the in-memory state. Each method runs without an
 * `await` inside, so it is atomic on its own; transactions are serialised by the unit of work.
 * @category Testing
 */
export class InMemoryAppointmentRepository implements AppointmentRepository {
  constructor(private readonly state: StateAccess) {}

  // async: a refusal thrown by `bookIn` becomes a rejection; there is no await inside.
  // eslint-disable-next-line @typescript-eslint/require-await
  async book(request: BookingRequest): Promise<Appointment> {
    return copy(bookIn(this.state(), request));
  }

  // async for the same reason as `book`.
  // eslint-disable-next-line @typescript-eslint/require-await
  async ensureSittingAndBook(request: SittingBookingRequest): Promise<AppointmentDetails> {
    return ensureSittingAndBookIn(this.state(), request);
  }

  bookingContext(query: BookingContextQuery): Promise<BookingContext> {
    return Promise.resolve(bookingContextIn(this.state(), query));
  }

  findById(id: AppointmentId): Promise<Appointment | undefined> {
    return Promise.resolve(copy(this.state().appointments.get(id)));
  }

  findByIdempotencyKey(bookedBy: UserId, key: string): Promise<Appointment | undefined> {
    const found = [...this.state().appointments.values()].find(
      (a) => a.bookedBy === bookedBy && a.idempotencyKey === key,
    );
    return Promise.resolve(copy(found));
  }

  details(id: AppointmentId): Promise<AppointmentDetails | undefined> {
    const s = this.state();
    const appointment = s.appointments.get(id);
    return Promise.resolve(appointment && detailsOf(s, appointment));
  }

  transition(id: AppointmentId, change: StatusChange): Promise<Appointment | undefined> {
    const s = this.state();
    const appointment = s.appointments.get(id);
    if (!appointment || !change.from.includes(appointment.status))
      return Promise.resolve(undefined);
    return Promise.resolve(copy(transitionIn(s, appointment, change)));
  }

  transitionAllInSitting(
    sittingId: SittingId,
    change: StatusChange,
  ): Promise<readonly Appointment[]> {
    const s = this.state();
    const moved = [...s.appointments.values()]
      .filter((a) => a.sittingId === sittingId && change.from.includes(a.status))
      .sort((a, b) => a.queueNumber - b.queueNumber || a.id - b.id)
      .map((a) => transitionIn(s, a, change));
    return Promise.resolve(copy(moved));
  }

  setRescheduledTo(id: AppointmentId, to: AppointmentId): Promise<Appointment | undefined> {
    const s = this.state();
    const appointment = s.appointments.get(id);
    if (appointment?.status !== 'cancelled') return Promise.resolve(undefined);
    const pointed: Appointment = { ...appointment, rescheduledTo: to };
    s.appointments.set(id, pointed);
    return Promise.resolve(copy(pointed));
  }

  history(id: AppointmentId): Promise<readonly AppointmentHistoryEntry[]> {
    return Promise.resolve(copy(this.state().history.filter((h) => h.appointmentId === id)));
  }

  listByBooker(userId: UserId, page: PageRequest): Promise<Page<AppointmentDetails>> {
    const s = this.state();
    const mine = [...s.appointments.values()]
      .filter((a) => a.bookedBy === userId)
      .map((a) => detailsOf(s, a))
      .sort(
        (a, b) =>
          b.sittingStartsAt.getTime() - a.sittingStartsAt.getTime() ||
          b.appointment.id - a.appointment.id,
      );
    return Promise.resolve(pageOf(mine, page));
  }

  liveStates(sittingIds: readonly SittingId[]): Promise<readonly LiveSittingState[]> {
    const s = this.state();
    const states: LiveSittingState[] = [];
    for (const id of new Set(sittingIds)) {
      const sitting = s.sittings.get(id);
      if (!sitting) continue;
      const doctor = s.doctors.get(sitting.doctorId);
      const appointments = [...s.appointments.values()]
        .filter((a) => a.sittingId === id)
        .sort((a, b) => a.queueNumber - b.queueNumber || a.id - b.id)
        .map(({ id, queueNumber, status, calledAt, completedAt }) => ({
          id,
          queueNumber,
          status,
          calledAt,
          completedAt,
        }));
      const doctorName = (doctor && s.users.get(doctor.userId)?.name) ?? '';
      states.push({ sitting, doctorName, appointments });
    }
    return Promise.resolve(copy(states));
  }

  listBySitting(sittingId: SittingId): Promise<readonly AppointmentDetails[]> {
    const s = this.state();
    const found = [...s.appointments.values()]
      .filter((a) => a.sittingId === sittingId)
      .sort((a, b) => a.queueNumber - b.queueNumber || a.id - b.id)
      .map((a) => detailsOf(s, a));
    return Promise.resolve(found);
  }

  patientsOfDoctor(doctorId: DoctorId, page: PageRequest): Promise<Page<Patient>> {
    const s = this.state();
    const ids = new Set(activeWithDoctor(s, doctorId).map((a) => a.patientId));
    const patients = [...ids]
      .map((id) => s.patients.get(id))
      .filter((p) => p !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
    return Promise.resolve(pageOf(patients, page));
  }

  isPatientOfDoctor(patientId: PatientId, doctorId: DoctorId): Promise<boolean> {
    return Promise.resolve(
      activeWithDoctor(this.state(), doctorId).some((a) => a.patientId === patientId),
    );
  }
}

/** Moves one appointment, records the history entry and frees its place when it is cancelled. */
function transitionIn(
  s: InMemoryState,
  appointment: Appointment,
  change: StatusChange,
): Appointment {
  const at = new Date(change.at.getTime());
  const moved: Appointment = {
    ...appointment,
    status: change.to,
    calledAt: change.to === 'in_consultation' ? at : appointment.calledAt,
    completedAt: change.to === 'completed' ? at : appointment.completedAt,
  };
  s.appointments.set(moved.id, moved);
  s.history.push({
    appointmentId: moved.id,
    status: change.to,
    actorId: change.actorId,
    at: new Date(change.at.getTime()),
    reason: change.reason,
  });
  const wasActive = appointment.status !== 'cancelled';
  const isActive = change.to !== 'cancelled';
  const sitting = s.sittings.get(moved.sittingId);
  if (sitting) {
    const booked = sitting.booked + (wasActive === isActive ? 0 : isActive ? 1 : -1);
    s.sittings.set(sitting.id, { ...sitting, booked, version: sitting.version + 1 });
  }
  return moved;
}

function activeWithDoctor(s: InMemoryState, doctorId: DoctorId): Appointment[] {
  return [...s.appointments.values()].filter(
    (a) => a.doctorId === doctorId && a.status !== 'cancelled',
  );
}
