import type { BenchDatabase } from '../database.js';
import type { BenchUser, ContendedSlot } from '../fixtures.js';
import { drive, type LoadResult } from '../load.js';
import { random } from './reads.js';

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

function tally(answers: Record<string, number>, status: number, body: string): void {
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
 * (patient, slot) pair never repeats within P×S requests. Checked against the database.
 */
export async function measureBooking(
  url: string, db: BenchDatabase, users: readonly BenchUser[], slotIds: readonly number[],
  options: { connections: number; seconds: number; cpuMs?: () => number },
): Promise<BookingOutcome> {
  const patients = users.flatMap((user) => user.patientIds.map((patientId) => ({ patientId, token: user.token })));
  const next = random(3);
  const slots = [...slotIds];
  for (let i = slots.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [slots[i], slots[j]] = [slots[j]!, slots[i]!];
  }
  let i = 0;
  const answers: Record<string, number> = {};
  const startedAt = new Date(Date.now() - 1000);
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
          body: JSON.stringify({ patient_id: patient.patientId, slot_id: slots[n % slots.length]! }),
        };
      },
      onResponse: (status, body) => tally(answers, status, body),
    },
    { connections: options.connections, seconds: options.seconds, cpuMs: options.cpuMs },
  );
  const userIds = users.map((u) => u.id);
  const rowsInDatabase = await db.count(
    `SELECT count(*) AS n FROM appointments WHERE booked_by = ANY($1) AND booked_at >= $2 AND status = 'booked'`,
    [userIds, startedAt],
  );
  const inconsistentSittings = await db.count(`SELECT count(*) AS n FROM sittings s
    WHERE s.booked <> (SELECT count(*) FROM appointments a WHERE a.sitting_id = s.id AND a.status <> 'cancelled')`);
  const booked = answers['201'] ?? 0;
  const problems: string[] = [];
  // Requests cut off when the timed run stops may still commit: at most one per connection.
  const unanswered = Math.max(load.inFlight, 0);
  if (rowsInDatabase < booked || rowsInDatabase > booked + unanswered) {
    problems.push(`${booked} bookings answered 201 (+${unanswered} unanswered at the stop) but ${rowsInDatabase} rows in the database`);
  }
  if (inconsistentSittings !== 0) problems.push(`${inconsistentSittings} sittings whose booked count differs from their appointments`);
  if (load.errors !== 0) problems.push(`${load.errors} socket errors or timeouts`);
  const unexpected = Object.keys(answers).filter((k) => k !== '201' && k !== '409 SITTING_FULL');
  if (unexpected.length > 0) problems.push(`unexpected answers: ${unexpected.map((k) => `${k} ×${answers[k]}`).join(', ')}`);
  return {
    load, bookedPerSecond: booked / load.durationSeconds, answers, rowsInDatabase, inconsistentSittings,
    checked: problems.length === 0, problems,
  };
}

/** The contention round: what the answers and the database say. */
export interface ContentionOutcome {
  readonly clients: number;
  readonly places: number;
  readonly answers: Record<string, number>;
  readonly socketErrors: number;
  readonly elapsedMs: number;
  /** Active appointments of the sitting in the database, and their distinct queue numbers. */
  readonly rows: number;
  readonly distinctQueueNumbers: number;
  readonly sittingBooked: number;
  readonly exact: boolean;
  readonly problems: readonly string[];
}

/**
 * Hundreds of clients (each with its own connection and its own patient) book the same
 * sitting at once: exactly `places` must get a place (queue numbers 1…places, each once),
 * every other one SITTING_FULL, and nothing else.
 */
export async function measureContention(
  url: string, db: BenchDatabase, users: readonly BenchUser[], slot: ContendedSlot, clients: number,
): Promise<ContentionOutcome> {
  const patients = users.flatMap((user) => user.patientIds.map((patientId) => ({ patientId, token: user.token })));
  if (patients.length < clients) throw new Error(`contention needs ${clients} patients, the bench has ${patients.length}`);
  const answers: Record<string, number> = {};
  let socketErrors = 0;
  const started = performance.now();
  await Promise.all(
    patients.slice(0, clients).map(async ({ patientId, token }) => {
      try {
        const response = await fetch(`${url}/patient/new_appointment`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', connection: 'close' },
          body: JSON.stringify({ patient_id: patientId, slot_id: slot.slotId }),
        });
        tally(answers, response.status, await response.text());
      } catch {
        socketErrors++;
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  const [row] = await db.rows<{ rows: string; queues: string; lo: number | null; hi: number | null; booked: number | null }>(
    `SELECT count(a.id) AS rows, count(DISTINCT a.queue_number) AS queues, min(a.queue_number) AS lo, max(a.queue_number) AS hi,
            max(s.booked) AS booked
       FROM sittings s LEFT JOIN appointments a ON a.sitting_id = s.id AND a.status <> 'cancelled'
      WHERE s.slot_id = $1`,
    [slot.slotId],
  );
  const rows = Number(row?.rows ?? 0);
  const distinct = Number(row?.queues ?? 0);
  const sittingBooked = Number(row?.booked ?? 0);
  const problems: string[] = [];
  const ok = answers['201'] ?? 0;
  const full = answers['409 SITTING_FULL'] ?? 0;
  if (ok !== slot.places) problems.push(`${ok} bookings succeeded, expected ${slot.places}`);
  if (full !== clients - slot.places) problems.push(`${full} SITTING_FULL, expected ${clients - slot.places}`);
  if (ok + full !== clients) problems.push(`other answers: ${JSON.stringify(answers)}`);
  if (socketErrors !== 0) problems.push(`${socketErrors} socket errors`);
  if (rows !== slot.places || distinct !== slot.places || row?.lo !== 1 || row?.hi !== slot.places) {
    problems.push(`database: ${rows} rows, ${distinct} distinct queue numbers ${row?.lo ?? '-'}…${row?.hi ?? '-'}`);
  }
  if (sittingBooked !== slot.places) problems.push(`sitting.booked = ${sittingBooked}, expected ${slot.places}`);
  return {
    clients, places: slot.places, answers, socketErrors, elapsedMs, rows, distinctQueueNumbers: distinct, sittingBooked,
    exact: problems.length === 0, problems,
  };
}
