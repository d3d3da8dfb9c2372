import { describe, it } from 'vitest';
import { InMemoryUnitOfWork } from '../memory/in-memory-unit-of-work.js';
import { checkBookingModel } from '../testing/booking-model/run.js';

// The model test of booking, cancelling, rescheduling, the waitlist and the day of the
// sitting (packages/core/src/testing/booking-model/) on the in-memory store; the PostgreSQL
// run is packages/adapters-postgres/src/booking-model.integration.test.ts.
describe('booking model on the in-memory store', () => {
  it('answers every random command as the model does and keeps the rules after each', async () => {
    await checkBookingModel(new InMemoryUnitOfWork(), 150);
  });
});
