import type { Doctor } from '../doctors/doctor.js';
import type { Actor, Role } from '../identity/user.js';
import type { Patient } from '../patients/patient.js';
import type { NewSlot, Slot } from '../scheduling/slot.js';
import type { BookingPolicy } from '../scheduling/booking-policy.js';
import { defaultBookingLimits, type BookingLimits } from './booking-limits.js';
import { InMemoryCache } from '../memory/in-memory-cache.js';
import { InMemoryDoctorSearchIndex } from '../memory/in-memory-doctor-search-index.js';
import { InMemoryOutboxStore } from '../memory/in-memory-outbox-store.js';
import { InMemoryUnitOfWork } from '../memory/in-memory-unit-of-work.js';
import { ManualClock } from '../memory/manual-clock.js';
import { RecordingOutboxPublisher } from '../memory/recording-outbox-publisher.js';
import { CancelAppointment } from './cancel-appointment.js';
import { CancelSitting } from '../scheduling/cancel-sitting.js';
import { CheckInAppointment } from './check-in-appointment.js';
import { CompleteAppointment } from './complete-appointment.js';
import { GetAppointmentHistory } from './get-appointment-history.js';
import { GetSittingQueue } from './get-sitting-queue.js';
import { GetTimings } from '../scheduling/get-timings.js';
import { ListDoctorPatients } from './list-doctor-patients.js';
import { ListMyAppointments } from './list-my-appointments.js';
import { MarkNoShow } from './mark-no-show.js';
import { CallAppointment } from './call-appointment.js';
import { GetAppointment } from './get-appointment.js';
import { GetSittingBoard } from './get-sitting-board.js';
import { StartSitting } from '../scheduling/start-sitting.js';
import { RateDoctor } from '../ratings/rate-doctor.js';
import type { AppointmentView } from './appointment-view.js';
import { BookAppointment } from './book-appointment.js';

/**
 * Test support for the booking use cases (not part of the public API): an in-memory world
 * with a clock on Monday 2026-01-05 09:00 UTC, and quick ways to add users, doctors, slots
 * and patients straight through the repositories.
 */
export class BookingWorld {
  readonly uow = new InMemoryUnitOfWork();
  readonly clock = new ManualClock('2026-01-05T09:00:00.000Z');
  readonly publisher = new RecordingOutboxPublisher();
  readonly cache = new InMemoryCache(this.clock);
  readonly index = new InMemoryDoctorSearchIndex();
  readonly outbox = new InMemoryOutboxStore(this.uow);
  private users = 0;

  constructor(
    readonly policy: BookingPolicy = { cutoffMinutes: 0, horizonWeeks: 4 },
    readonly limits: BookingLimits = defaultBookingLimits,
  ) {}

  async user(name = `user${this.users + 1}`, role: Role = 'user'): Promise<Actor> {
    this.users += 1;
    const user = await this.uow.transaction((r) =>
      r.users.create({
        name,
        email: `${name}.${this.users}@example.com`,
        passwordHash: 'x',
        role,
        registeredAt: this.clock.now(),
        confirmed: false,
      }),
    );
    return { userId: user.id, role: user.role };
  }

  async doctor(name = `doctor${this.users + 1}`): Promise<{ actor: Actor; doctor: Doctor }> {
    const actor = await this.user(name);
    const doctor = await this.uow.transaction((r) =>
      r.doctors.create({
        userId: actor.userId,
        description: 'A doctor',
        image: null,
        createdAt: this.clock.now(),
      }),
    );
    return { actor, doctor };
  }

  /** A slot of `doctorId`: by default Mondays 10:00 UTC, 3 places of 10 minutes. */
  slot(doctorId: number, shape: Partial<NewSlot> = {}): Promise<Slot> {
    return this.uow.transaction((r) =>
      r.slots.create({
        doctorId,
        day: 'monday',
        start: '10:00',
        durationMinutes: 10,
        places: 3,
        fee: 100,
        timeZone: 'UTC',
        createdAt: this.clock.now(),
        ...shape,
      }),
    );
  }

  patient(owner: Actor, name = 'Pat'): Promise<Patient> {
    return this.uow.transaction((r) =>
      r.patients.create({
        ownerId: owner.userId,
        name,
        age: 30,
        gender: 'other',
        symptoms: 'cough',
        createdAt: this.clock.now(),
      }),
    );
  }

  /**
   * The world most appointment tests start from: a doctor with the default slot, and the
   * user `alice` whose patient holds one booking in its next sitting.
   */
  async withOneBooking(): Promise<{
    doctor: { actor: Actor; doctor: Doctor };
    slot: Slot;
    alice: Actor;
    patient: Patient;
    booked: AppointmentView;
  }> {
    const doctor = await this.doctor();
    const slot = await this.slot(doctor.doctor.id);
    const alice = await this.user('alice');
    const patient = await this.patient(alice);
    const booked = await this.useCases().book.execute(alice, {
      patient_id: patient.id,
      slot_id: slot.id,
    });
    return { doctor, slot, alice, patient, booked };
  }

  /** Every H4 use case, wired to this world. */
  useCases() {
    const { uow, publisher, clock, cache, policy, limits } = this;
    return {
      book: new BookAppointment(uow, publisher, clock, policy, limits),
      timings: new GetTimings(uow, cache, clock, policy),
      myAppointments: new ListMyAppointments(uow, cache, clock),
      history: new GetAppointmentHistory(uow, clock),
      appointment: new GetAppointment(uow, clock),
      board: new GetSittingBoard(uow, clock),
      startSitting: new StartSitting(uow, publisher, clock),
      call: new CallAppointment(uow, publisher, clock),
      doctorPatients: new ListDoctorPatients(uow, cache),
      queue: new GetSittingQueue(uow, clock, policy),
      cancel: new CancelAppointment(uow, publisher, clock, limits),
      cancelSitting: new CancelSitting(uow, publisher, clock),
      checkIn: new CheckInAppointment(uow, publisher, clock),
      complete: new CompleteAppointment(uow, publisher, clock),
      noShow: new MarkNoShow(uow, publisher, clock),
      rate: new RateDoctor(uow, publisher, clock),
    };
  }
}
