import fc from 'fast-check';
import type { UnitOfWork } from '../../shared/unit-of-work.js';
import { newModel } from './model.js';
import { checkModel, modelCommands } from './commands.js';
import { newModelWorld } from './world.js';

/** How many patients the model's user has. */
const patientCount = 4;

/**
 * The booking model test (fast-check commands: book, cancel by the patient or the doctor,
 * reschedule, join and leave the waitlist, start, cancel a sitting) against a simple model a reader checks by eye, through
 * the real use cases over `uow`: every answer and the stores' state after every step. Each
 * run makes its own doctor, slots and patients, so one database serves every run.
 * @category Testing
 */
export async function checkBookingModel(uow: UnitOfWork, numRuns: number): Promise<void> {
  const run = fc.record({
    places: fc.integer({ min: 1, max: 2 }),
    commands: modelCommands(patientCount),
  });
  await fc.assert(
    fc.asyncProperty(run, async ({ places, commands }) => {
      const real = await newModelWorld(uow, places, patientCount);
      const model = newModel(places);
      await checkModel(model, real);
      await fc.asyncModelRun(() => ({ model, real }), commands);
    }),
    { numRuns },
  );
}
