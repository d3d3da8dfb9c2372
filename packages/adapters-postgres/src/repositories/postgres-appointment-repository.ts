import type {
  Appointment,
  AppointmentDetails,
  AppointmentHistoryEntry,
  AppointmentId,
  AppointmentRepository,
  BookingContext,
  BookingContextQuery,
  BookingRequest,
  DoctorId,
  LiveSittingState,
  Page,
  PageRequest,
  Patient,
  PatientId,
  SittingBookingRequest,
  SittingId,
  StatusChange,
  UserId,
} from '@doctorly/core';
import {
  readBookingContext,
  type BookingContextGroups,
} from '../grouping/booking-context-groups.js';
import type { SqlExecutor } from '../sql/sql-client.js';
import { detailsSelect, toDetails, type DetailsRow } from './appointment-details.js';
import {
  bookedDetails,
  bookOnDateParams,
  bookOnDateStatement,
  refusal,
  type BookedOnDateRow,
  type BookingOutcomeCode,
} from './booking-statements.js';
import { appointmentColumns, patientColumns } from './columns.js';
import { liveStatesStatement, toLiveSittingState, type LiveStateRow } from './live-states.js';
import { queryPage } from './paging.js';

interface BookingOutcome {
  o_outcome: BookingOutcomeCode;
  o_id: number | null;
  o_queue_number: number | null;
  o_slot_id: number | null;
  o_doctor_id: number | null;
}

/**
 * {@link AppointmentRepository} on PostgreSQL. Booking and status changes are the SQL
 * functions of `migrations/repeatable/` (`040_book_appointment.sql`, `041_transition_appointments.sql`,
 * and `042_book_appointment_on_date.sql`, which also ensures the sitting): one round trip each, the sitting's row lock serializing its
 * bookers, constraints guaranteeing the rest.
 * @category Adapters
 */
export class PostgresAppointmentRepository implements AppointmentRepository {
  /** `contexts`: where `bookingContext` reads, when not straight on `db` (grouped reads on the pool). */
  constructor(
    private readonly db: SqlExecutor,
    private readonly contexts?: BookingContextGroups,
  ) {}

  async book(request: BookingRequest): Promise<Appointment> {
    const [row] = await this.db.query<BookingOutcome>(
      'SELECT * FROM book_appointment($1, $2, $3, $4, $5, $6)',
      [
        request.sittingId,
        request.patientId,
        request.bookedBy,
        request.at,
        request.idempotencyKey,
        request.claimLimit ?? null,
      ],
    );
    if (row?.o_outcome !== 'BOOKED') throw refusal(row?.o_outcome ?? 'SITTING_NOT_FOUND');
    return {
      id: row.o_id!,
      sittingId: request.sittingId,
      slotId: row.o_slot_id!,
      doctorId: row.o_doctor_id!,
      patientId: request.patientId,
      queueNumber: row.o_queue_number!,
      status: 'booked',
      bookedBy: request.bookedBy,
      bookedAt: request.at,
      idempotencyKey: request.idempotencyKey,
      calledAt: null,
      completedAt: null,
      rescheduledTo: null,
    };
  }

  async ensureSittingAndBook(request: SittingBookingRequest): Promise<AppointmentDetails> {
    const [row] = await this.db.query<BookedOnDateRow>(
      bookOnDateStatement,
      bookOnDateParams(request),
      { prepare: true },
    );
    return bookedDetails(row, request);
  }

  bookingContext(query: BookingContextQuery): Promise<BookingContext> {
    return this.contexts ? this.contexts.read(query) : readBookingContext(this.db, query);
  }

  async findById(id: AppointmentId): Promise<Appointment | undefined> {
    const [row] = await this.db.query<Appointment>(
      `SELECT ${appointmentColumns('a')} FROM appointments a WHERE a.id = $1`,
      [id],
    );
    return row;
  }

  async findByIdempotencyKey(bookedBy: UserId, key: string): Promise<Appointment | undefined> {
    const [row] = await this.db.query<Appointment>(
      `SELECT ${appointmentColumns('a')} FROM appointments a WHERE a.booked_by = $1 AND a.idempotency_key = $2`,
      [bookedBy, key],
    );
    return row;
  }

  async details(id: AppointmentId): Promise<AppointmentDetails | undefined> {
    const [row] = await this.db.query<DetailsRow>(`${detailsSelect} WHERE a.id = $1`, [id]);
    return row && toDetails(row);
  }

  async transition(id: AppointmentId, change: StatusChange): Promise<Appointment | undefined> {
    const [row] = await this.moveStatuses(null, id, change);
    return row;
  }

  transitionAllInSitting(
    sittingId: SittingId,
    change: StatusChange,
  ): Promise<readonly Appointment[]> {
    return this.moveStatuses(sittingId, null, change);
  }

  private moveStatuses(
    sittingId: SittingId | null,
    id: AppointmentId | null,
    change: StatusChange,
  ): Promise<Appointment[]> {
    return this.db.query<Appointment>(
      `SELECT ${appointmentColumns('t')} FROM transition_appointments($1, $2, $3::text[], $4, $5, $6, $7) t`,
      [sittingId, id, change.from, change.to, change.actorId, change.at, change.reason],
    );
  }

  async setRescheduledTo(id: AppointmentId, to: AppointmentId): Promise<Appointment | undefined> {
    // The sitting's row lock is held (the reschedule took it), so no writer of this
    // appointment's status runs between its cancellation and this update.
    const [row] = await this.db.query<Appointment>(
      `UPDATE appointments a SET rescheduled_to = $2 WHERE a.id = $1 AND a.status = 'cancelled'
       RETURNING ${appointmentColumns('a')}`,
      [id, to],
    );
    return row;
  }

  history(id: AppointmentId): Promise<readonly AppointmentHistoryEntry[]> {
    return this.db.query<AppointmentHistoryEntry>(
      `SELECT appointment_id AS "appointmentId", status, actor_id AS "actorId", at, reason
       FROM appointment_history WHERE appointment_id = $1 ORDER BY id`,
      [id],
    );
  }

  async listByBooker(userId: UserId, page: PageRequest): Promise<Page<AppointmentDetails>> {
    const result = await queryPage<DetailsRow>(
      this.db,
      `${detailsSelect.replace('SELECT ', 'SELECT count(*) OVER ()::integer AS total, ')}
       WHERE a.booked_by = $1 ORDER BY s.starts_at DESC, a.id DESC LIMIT $2 OFFSET $3`,
      'SELECT count(*)::integer AS total FROM appointments WHERE booked_by = $1',
      [userId],
      page,
    );
    return { total: result.total, items: result.items.map(toDetails) };
  }

  async liveStates(sittingIds: readonly SittingId[]): Promise<readonly LiveSittingState[]> {
    if (sittingIds.length === 0) return [];
    const rows = await this.db.query<LiveStateRow>(liveStatesStatement, [[...new Set(sittingIds)]]);
    return rows.map(toLiveSittingState);
  }

  async listBySitting(sittingId: SittingId): Promise<readonly AppointmentDetails[]> {
    const rows = await this.db.query<DetailsRow>(
      `${detailsSelect} WHERE a.sitting_id = $1 ORDER BY a.queue_number, a.id`,
      [sittingId],
    );
    return rows.map(toDetails);
  }

  patientsOfDoctor(doctorId: DoctorId, page: PageRequest): Promise<Page<Patient>> {
    const seen = `EXISTS (SELECT 1 FROM appointments a WHERE a.patient_id = p.id AND a.doctor_id = $1 AND a.status <> 'cancelled')`;
    return queryPage<Patient>(
      this.db,
      `SELECT ${patientColumns('p')}, count(*) OVER ()::integer AS total
       FROM patients p WHERE ${seen} ORDER BY p.name, p.id LIMIT $2 OFFSET $3`,
      `SELECT count(*)::integer AS total FROM patients p WHERE ${seen}`,
      [doctorId],
      page,
    );
  }

  async isPatientOfDoctor(patientId: PatientId, doctorId: DoctorId): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM appointments WHERE patient_id = $1 AND doctor_id = $2 AND status <> 'cancelled' LIMIT 1`,
      [patientId, doctorId],
    );
    return rows.length > 0;
  }
}
