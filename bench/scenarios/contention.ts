import type { BenchDatabase } from '../database.js';
import type { BenchUser, ContendedSlot } from '../fixtures.js';
import { tally } from './booking.js';

/** A contention round driven but not yet checked: the answers, for {@link checkContention}. */
export interface ContentionRun {
  readonly clients: number;
  readonly slot: ContendedSlot;
  readonly answers: Record<string, number>;
  readonly socketErrors: number;
  readonly elapsedMs: number;
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
 * sitting at once. Check it with {@link checkContention}.
 */
export async function driveContention(
  url: string,
  users: readonly BenchUser[],
  slot: ContendedSlot,
  clients: number,
): Promise<ContentionRun> {
  const patients = users.flatMap((user) =>
    user.patientIds.map((patientId) => ({ patientId, token: user.token })),
  );
  if (patients.length < clients)
    throw new Error(`contention needs ${clients} patients, the bench has ${patients.length}`);
  const answers: Record<string, number> = {};
  let socketErrors = 0;
  const started = performance.now();
  await Promise.all(
    patients.slice(0, clients).map(async ({ patientId, token }) => {
      try {
        const response = await fetch(`${url}/patient/new_appointment`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            connection: 'close',
          },
          body: JSON.stringify({ patient_id: patientId, slot_id: slot.slotId }),
        });
        tally(answers, response.status, await response.text());
      } catch {
        socketErrors++;
      }
    }),
  );
  return { clients, slot, answers, socketErrors, elapsedMs: performance.now() - started };
}

/**
 * Checks a contention round: exactly `places` got a place (queue numbers 1…places, each
 * once, and the sitting's `booked` says so), every other client SITTING_FULL, nothing else.
 */
export async function checkContention(
  db: BenchDatabase,
  run: ContentionRun,
): Promise<ContentionOutcome> {
  const { clients, slot, answers, socketErrors } = run;
  const [row] = await db.rows<{
    rows: string;
    queues: string;
    lo: number | null;
    hi: number | null;
    booked: number | null;
  }>(
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
  if (full !== clients - slot.places)
    problems.push(`${full} SITTING_FULL, expected ${clients - slot.places}`);
  if (ok + full !== clients) problems.push(`other answers: ${JSON.stringify(answers)}`);
  if (socketErrors !== 0) problems.push(`${socketErrors} socket errors`);
  if (
    rows !== slot.places ||
    distinct !== slot.places ||
    row?.lo !== 1 ||
    row?.hi !== slot.places
  ) {
    problems.push(
      `database: ${rows} rows, ${distinct} distinct queue numbers ${row?.lo ?? '-'}…${row?.hi ?? '-'}`,
    );
  }
  if (sittingBooked !== slot.places)
    problems.push(`sitting.booked = ${sittingBooked}, expected ${slot.places}`);
  return {
    clients,
    places: slot.places,
    answers,
    socketErrors,
    elapsedMs: run.elapsedMs,
    rows,
    distinctQueueNumbers: distinct,
    sittingBooked,
    exact: problems.length === 0,
    problems,
  };
}
