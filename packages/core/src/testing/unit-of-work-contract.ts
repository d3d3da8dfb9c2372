import { describe } from 'vitest';
import type { OutboxStore } from '../outbox/outbox.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { suiteSubject, type ContractSubject } from './contract-support.js';
import { describeBookingStepContract } from './unit-of-work-contract-booking-step.js';
import { describeBookingContract } from './unit-of-work-contract-booking.js';
import { describeCommitBookingContract } from './unit-of-work-contract-commit-booking.js';
import { describeDayOfSittingContract } from './unit-of-work-contract-day.js';
import { describeDoctorsContract } from './unit-of-work-contract-doctors.js';
import { describeIdentityContract } from './unit-of-work-contract-identity.js';
import { describeLeaveContract } from './unit-of-work-contract-leave.js';
import { describeLimitsContract } from './unit-of-work-contract-limits.js';
import { describeRescheduleContract } from './unit-of-work-contract-reschedule.js';
import { describeSchedulingContract } from './unit-of-work-contract-scheduling.js';
import { describeTransactionContract } from './unit-of-work-contract-transactions.js';
import { describeWaitlistContract } from './unit-of-work-contract-waitlist.js';

/**
 * What {@link describeUnitOfWorkContract} runs against: a unit of work and the outbox store
 * over the same database. It need not be empty: every test makes its own data.
 * @category Testing
 */
export interface UnitOfWorkSubject extends ContractSubject {
  readonly uow: UnitOfWork;
  readonly outbox: OutboxStore;
}

/**
 * The contract of the {@link UnitOfWork} port and every repository in it: each method's
 * behaviour and domain errors, all-or-nothing transactions (outbox included), and booking
 * under concurrency. `makeSubject` is called ONCE for the whole suite (in `beforeAll`);
 * its `close` once at the end.
 * @category Testing
 */
export function describeUnitOfWorkContract(
  name: string,
  makeSubject: () => Promise<UnitOfWorkSubject>,
): void {
  describe(`UnitOfWork contract: ${name}`, () => {
    const subject = suiteSubject(makeSubject);
    describeIdentityContract(subject);
    describeDoctorsContract(subject);
    describeSchedulingContract(subject);
    describeBookingContract(subject);
    describeBookingStepContract(subject);
    describeCommitBookingContract(subject);
    describeLimitsContract(subject);
    describeDayOfSittingContract(subject);
    describeLeaveContract(subject);
    describeRescheduleContract(subject);
    describeTransactionContract(subject);
    describeWaitlistContract(subject);
  });
}
