import { weekdays } from '@doctorly/core';
import { call, createUsers, inParallel } from '../fixtures.js';

/** One booked appointment of a bench board, and the token of the user who may cancel it. */
export interface BoardAppointment {
  readonly id: number;
  readonly queueNumber: number;
  readonly ownerToken: string;
}

/** A sitting of today with booked places, its doctor's token, ready to be started and called. */
export interface BenchBoard {
  readonly sittingId: number;
  readonly doctorToken: string;
  /** In queue order. */
  readonly appointments: readonly BoardAppointment[];
}

const password = 'bench-password-1';
/** Minutes between now and the sittings' planned start: enough to set 50 of them up. */
const leadMinutes = 10;
const consultationMinutes = 5;

/**
 * A fixed-offset zone (`Etc/GMT…`) in which it is now about 08:00, so that a sitting starting
 * a few minutes from now ends well before midnight whatever the hour of the run. IANA's
 * `Etc/GMT-5` is UTC+5 (the sign is inverted).
 */
export function morningZone(now: Date): { zone: string; offsetHours: number } {
  const offsetHours = Math.max(-12, Math.min(14, 8 - now.getUTCHours()));
  const zone =
    offsetHours === 0 ? 'Etc/GMT' : `Etc/GMT${offsetHours > 0 ? '-' : '+'}${Math.abs(offsetHours)}`;
  return { zone, offsetHours };
}

/** Weekday, date and `HH:MM` start, `leadMinutes` from now, in the zone of {@link morningZone}. */
function todaysStart(now: Date): { zone: string; day: string; date: string; start: string } {
  const { zone, offsetHours } = morningZone(now);
  // The local wall clock of a fixed-offset zone is UTC shifted by the offset.
  const local = new Date(now.getTime() + offsetHours * 3_600_000 + leadMinutes * 60_000);
  local.setUTCSeconds(0, 0);
  return {
    zone,
    day: weekdays[(local.getUTCDay() + 6) % 7]!, // core's weekdays start on Monday
    date: local.toISOString().slice(0, 10),
    start: local.toISOString().slice(11, 16),
  };
}

/**
 * Sets up `boards` sittings of today over HTTP, as a clinic would: a doctor each (registered
 * for the purpose), a slot on today's weekday starting a few minutes from now, `perBoard`
 * places booked by bench users' patients (each patient in two sittings at most, each user
 * with a handful of appointments, well inside any per-user limit). Nothing is started yet.
 */
export async function setUpBoards(
  url: string,
  tag: string,
  boards: number,
  perBoard: number,
): Promise<BenchBoard[]> {
  const today = todaysStart(new Date());
  const doctors = await inParallel(
    Array.from({ length: boards }, (_, i) => i),
    8,
    async (i) => {
      const email = `bench-live-doctor-${tag}-${i}@bench.example.com`;
      await call(url, 'POST', '/doctors/new', {
        body: { name: `Bench Live Doctor ${i}`, email, password, description: 'A live board.' },
        expected: 201,
      });
      const { token } = await call<{ token: string }>(url, 'POST', '/auth/get_token', {
        basic: `${email}:${password}`,
      });
      const slot = await call<{ id: number }>(url, 'POST', '/doctors/add_slot', {
        token,
        expected: 201,
        body: {
          day: today.day,
          start: today.start,
          time_zone: today.zone,
          consultation_fee: 100,
          appointment_duration: consultationMinutes,
          num_slots: perBoard,
        },
      });
      return { token, slotId: slot.id };
    },
  );
  const patientsEach = 5;
  const users = await createUsers(
    url,
    `live-${tag}`,
    Math.ceil((boards * perBoard) / patientsEach / 2),
    patientsEach,
  );
  const patients = users.flatMap((u) => u.patientIds.map((id) => ({ id, token: u.token })));
  return await inParallel(doctors, 4, async (doctor, b) => {
    const booked: BoardAppointment[] = [];
    let sittingId = 0;
    for (let q = 0; q < perBoard; q++) {
      const patient = patients[(b * perBoard + q) % patients.length]!;
      const answer = await call<{ id: number; sitting_id: number; queue_number: number }>(
        url,
        'POST',
        '/patient/new_appointment',
        {
          token: patient.token,
          expected: 201,
          body: { patient_id: patient.id, slot_id: doctor.slotId, date: today.date },
        },
      );
      sittingId = answer.sitting_id;
      booked.push({ id: answer.id, queueNumber: answer.queue_number, ownerToken: patient.token });
    }
    return {
      sittingId,
      doctorToken: doctor.token,
      appointments: booked.sort((x, y) => x.queueNumber - y.queueNumber),
    };
  });
}
