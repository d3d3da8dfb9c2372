import fc from 'fast-check';
import { InMemoryUnitOfWork } from '@doctorly/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingCommand, newRunWorld } from './testing/model/booking-commands.js';
import { observe, runCommand } from './testing/model/run-booking-command.js';
import { openTestAdapters, type TestAdapters } from './testing/test-adapters.js';

/**
 * The booking decision lives twice: in core (decideBooking, used by the in-memory store) and
 * in SQL (repeatable/040_book_appointment.sql, for atomicity). This runs the same random
 * command sequences through the UnitOfWork port of both and requires the same answer to
 * every command (the refusal's code, or the queue number and status) and the same sitting
 * afterwards. The booker holds several patients and books under random claim limits (1–3 or
 * none), so TOO_MANY_APPOINTMENTS is met in both, and a completed or cancelled place frees a claim. Each run makes its own doctor, slot and patients in the file's one database.
 */
describe('booking decision: in-memory store and PostgreSQL agree', () => {
  let postgres: TestAdapters;
  beforeAll(async () => {
    postgres = await openTestAdapters('server');
    if (!postgres.label.startsWith('PostgreSQL'))
      console.warn(`[note] booking model test runs on ${postgres.label}: DATABASE_URL is unset.`);
  });
  afterAll(async () => {
    await postgres?.dispose();
  });

  it('answers every command of a random sequence the same way, and leaves the same sitting', async () => {
    const run = fc.record({
      places: fc.integer({ min: 1, max: 4 }),
      commands: fc.array(bookingCommand, { minLength: 1, maxLength: 14 }),
    });
    await fc.assert(
      fc.asyncProperty(run, async ({ places, commands }) => {
        const memory = new InMemoryUnitOfWork();
        const [m, p] = await Promise.all([
          newRunWorld(memory, places),
          newRunWorld(postgres.uow, places),
        ]);
        for (const [i, command] of commands.entries()) {
          const expected = await runCommand(memory, m, command);
          const actual = await runCommand(postgres.uow, p, command);
          expect({ step: i, command, outcome: actual }).toEqual({
            step: i,
            command,
            outcome: expected,
          });
          expect({ step: i, sitting: await observe(postgres.uow, p) }).toEqual({
            step: i,
            sitting: await observe(memory, m),
          });
        }
      }),
      { numRuns: 40 },
    );
  });
});
