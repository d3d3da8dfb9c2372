import { checkBookingModel } from '@doctorly/core/testing';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openTestAdapters, type TestAdapters } from './testing/test-adapters.js';

// The booking model test of core (packages/core/src/testing/booking-model/: book, cancel by
// the patient or the doctor, reschedule, join and leave the waitlist, start, cancel a sitting)
// through the real use cases on PostgreSQL: every answer and the stored state after each step
// as the model says. Each run makes its own doctor and patients in the file's one database.
describe('booking model on PostgreSQL', () => {
  let postgres: TestAdapters;
  beforeAll(async () => {
    postgres = await openTestAdapters('server');
    if (!postgres.label.startsWith('PostgreSQL'))
      console.warn(`[note] booking model test runs on ${postgres.label}: DATABASE_URL is unset.`);
  });
  afterAll(async () => {
    await postgres?.dispose();
  });

  it('answers every random command as the model does and keeps the rules after each', async () => {
    await checkBookingModel(postgres.uow, 30);
  }, 120_000);
});
