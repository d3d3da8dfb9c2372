import {
  DomainError,
  type Appointment, type AppointmentDetails, type AppointmentHistoryEntry, type AppointmentId, type AppointmentRepository,
  type BookingRequest, type DoctorId, type Page, type PageRequest, type Patient, type PatientId, type SittingId,
  type StatusChange, type UserId,
} from '@doctorly/core';
import type { SqlExecutor } from '../sql/sql-client.js';
import { appointmentColumns, patientColumns } from './columns.js';
import { queryPage } from './paging.js';

type DetailsRow = Appointment & Omit<AppointmentDetails, 'appointment'>;

const detailsSelect = `SELECT ${appointmentColumns('a')}, s.date, s.starts_at AS "sittingStartsAt",
    s.status AS "sittingStatus", s.duration_minutes AS "durationMinutes", p.name AS "patientName",
    p.owner_id AS "patientOwnerId", d.name AS "doctorName", d.user_id AS "doctorUserId"
  FROM appointments a
  JOIN sittings s ON s.id = a.sitting_id
  JOIN patients p ON p.id = a.patient_id
  JOIN doctors d ON d.id = a.doctor_id`;

function toDetails(row: DetailsRow): AppointmentDetails {
  const {
    date, sittingStartsAt, sittingStatus, durationMinutes, patientName, patientOwnerId, doctorName, doctorUserId, ...appointment
  } = row;
  return {
    appointment, date, sittingStartsAt, sittingStatus, durationMinutes, patientName, patientOwnerId, doctorName, doctorUserId,
  };
}

const refusals = {
  SITTING_NOT_FOUND: 'The sitting does not exist.',
  SITTING_CANCELLED: 'The sitting is cancelled.',
  SITTING_CLOSED: 'The sitting is over.',
  ALREADY_BOOKED: 'The patient already holds a place in this sitting.',
  SITTING_FULL: 'Every place of the sitting is taken.',
} as const;

interface BookingOutcome {
  o_outcome: 'BOOKED' | keyof typeof refusals;
  o_id: number | null;
  o_queue_number: number | null;
  o_slot_id: number | null;
  o_doctor_id: number | null;
}


/**
 * {@link AppointmentRepository} on PostgreSQL. Booking and status changes are the SQL
 * functions of `migrations/0002_booking.sql`: one round trip each, the sitting's row lock
 * serializing its bookers, constraints guaranteeing the rest.
 * @category Adapters
 */
export class PostgresAppointmentRepository implements AppointmentRepository {
  constructor(private readonly db: SqlExecutor) {}

  async book(request: BookingRequest): Promise<Appointment> {
    const [row] = await this.db.query<BookingOutcome>(
      'SELECT * FROM book_appointment($1, $2, $3, $4, $5)',
      [request.sittingId, request.patientId, request.bookedBy, request.at, request.idempotencyKey],
    );
    if (row?.o_outcome !== 'BOOKED') {
      const code = row?.o_outcome ?? 'SITTING_NOT_FOUND';
      throw new DomainError(code, refusals[code]);
    }
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
    };
  }

  async findById(id: AppointmentId): Promise<Appointment | undefined> {
    const [row] = await this.db.query<Appointment>(`SELECT ${appointmentColumns('a')} FROM appointments a WHERE a.id = $1`, [id]);
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

  transitionAllInSitting(sittingId: SittingId, change: StatusChange): Promise<readonly Appointment[]> {
    return this.moveStatuses(sittingId, null, change);
  }

  private moveStatuses(sittingId: SittingId | null, id: AppointmentId | null, change: StatusChange): Promise<Appointment[]> {
    return this.db.query<Appointment>(
      `SELECT ${appointmentColumns('t')} FROM transition_appointments($1, $2, $3::text[], $4, $5, $6, $7) t`,
      [sittingId, id, change.from, change.to, change.actorId, change.at, change.reason],
    );
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

  async listBySitting(sittingId: SittingId): Promise<readonly AppointmentDetails[]> {
    const rows = await this.db.query<DetailsRow>(`${detailsSelect} WHERE a.sitting_id = $1 ORDER BY a.queue_number, a.id`, [sittingId]);
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
