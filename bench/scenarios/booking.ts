import type { BenchDatabase } from '../database.js';
import type { BenchUser } from '../fixtures.js';
import { drive, type LoadResult } from '../load.js';
import { random } from './reads.js';

/** A booking run driven but not yet checked: what {@link checkBooking} compares the database with. */
export interface BookingRun {
  readonly load: LoadResult;
  /** Bookings answered 201 per second. */
  readonly bookedPerSecond: number;
  /** Answers by status and error code (`201`, `409 SITTING_FULL` …). */
  readonly answers: Record<string, number>;
  /** What the run may have written: bookings by the bench users, on the run's slots, since it started. */
  readonly scope: {
    readonly userIds: readonly number[];
    readonly slotIds: readonly number[];
    readonly since: Date;
  };
}

/** The booking run: throughput, and what the answers and the database say about it. */
export interface BookingOutcome {
  readonly load: LoadResult;
  /** Bookings answered 201 per second. */
  readonly bookedPerSecond: number;
  /** Answers by status and error code (`201`, `409 SITTING_FULL` …). */
  readonly answers: Record<string, number>;
  /** Appointments the bench users hold in the database after the run: the 201s, plus at most the requests unanswered at the stop. */
  readonly rowsInDatabase: number;
  /** Sittings whose `booked` count differs from their active appointments (must be 0). */
  readonly inconsistentSittings: number;
  readonly checked: boolean;
  readonly problems: readonly string[];
}

/** Counts an answer under its status, plus the error code of a 4xx/5xx body. */
export function tally(answers: Record<string, number>, status: number, body: string): void {
  let code = '';
  if (status >= 400) {
    try {
      code = ` ${(JSON.parse(body) as { code?: string }).code ?? ''}`;
    } catch {
      code = ' (no JSON)';
    }
  }
  const key = `${status}${code}`;
  answers[key] = (answers[key] ?? 0) + 1;
}

/**
 * Many clients booking across many sittings: request i books patient i mod P into the next
 * sitting of slot i mod S (slots shuffled, so neighbours hit different doctors); a
 * (patient, slot) pair never repeats within P×S requests. Check it with {@link checkBooking}.
 */
export async function driveBooking(
  url: string,
  users: readonly BenchUser[],
  slotIds: readonly number[],
  options: { connections: number; seconds: number; cpuMs?: () => number },
): Promise<BookingRun> {
  const patients = users.flatMap((user) =>
    user.patientIds.map((patientId) => ({ patientId, token: user.token })),
  );
  const next = random(3);
  const slots = [...slotIds];
  for (let i = slots.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [slots[i], slots[j]] = [slots[j]!, slots[i]!];
  }
  let i = 0;
  const answers: Record<string, number> = {};
  const since = new Date(Date.now() - 1000);
  const load = await drive(
    url,
    {
      method: 'POST',
      next: () => {
        const n = i++;
        const patient = patients[n % patients.length]!;
        return {
          path: '/patient/new_appointment',
          headers: { authorization: `Bearer ${patient.token}` },
          body: JSON.stringify({
            patient_id: patient.patientId,
            slot_id: slots[n % slots.length]!,
          }),
        };
      },
      onResponse: (status, body) => tally(answers, status, body),
    },
    { connections: options.connections, seconds: options.seconds, cpuMs: options.cpuMs },
  );
  const scope = { userIds: users.map((u) => u.id), slotIds, since };
  return { load, bookedPerSecond: (answers['201'] ?? 0) / load.durationSeconds, answers, scope };
}

/**
 * Checks a booking run against the database: rows = 201 answers (plus at most the requests
 * cut off at the stop), every sitting's `booked` = its active appointments, no socket error
 * and no answer besides 201 and SITTING_FULL. Runs while the server is up or after it stopped
 * (the scope leaves out what later scenarios book).
 */
export async function checkBooking(db: BenchDatabase, run: BookingRun): Promise<BookingOutcome> {
  const { load, answers, scope } = run;
  const rowsInDatabase = await db.count(
    `SELECT count(*) AS n FROM appointments
      WHERE booked_by = ANY($1) AND slot_id = ANY($2) AND booked_at >= $3 AND status = 'booked'`,
    [scope.userIds, scope.slotIds, scope.since],
  );
  const inconsistentSittings = await db.count(`SELECT count(*) AS n FROM sittings s
    WHERE s.booked <> (SELECT count(*) FROM appointments a WHERE a.sitting_id = s.id AND a.status <> 'cancelled')`);
  const booked = answers['201'] ?? 0;
  const problems: string[] = [];
  // Requests cut off when the timed run stops may still commit: at most one per connection.
  const unanswered = Math.max(load.inFlight, 0);
  if (rowsInDatabase < booked || rowsInDatabase > booked + unanswered) {
    problems.push(
      `${booked} bookings answered 201 (+${unanswered} unanswered at the stop) but ${rowsInDatabase} rows in the database`,
    );
  }
  if (inconsistentSittings !== 0)
    problems.push(
      `${inconsistentSittings} sittings whose booked count differs from their appointments`,
    );
  if (load.errors !== 0) problems.push(`${load.errors} socket errors or timeouts`);
  const unexpected = Object.keys(answers).filter((k) => k !== '201' && k !== '409 SITTING_FULL');
  if (unexpected.length > 0)
    problems.push(`unexpected answers: ${unexpected.map((k) => `${k} ×${answers[k]}`).join(', ')}`);
  return {
    load,
    bookedPerSecond: run.bookedPerSecond,
    answers,
    rowsInDatabase,
    inconsistentSittings,
    checked: problems.length === 0,
    problems,
  };
}
