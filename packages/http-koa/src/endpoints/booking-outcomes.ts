import { isDomainError } from '@doctorly/core';
import type { SuccessAnswer } from '@doctorly/http-contract';
import type { ServerMetrics } from '../http/metrics.js';

/** Runs a booking and counts its outcome (`created` or the error code) in `doctorly_bookings_total`. */
export async function countBookingOutcome(
  metrics: ServerMetrics,
  book: () => Promise<SuccessAnswer>,
): Promise<SuccessAnswer> {
  try {
    const answer = await book();
    metrics.bookings.inc({ outcome: 'created' });
    return answer;
  } catch (error) {
    metrics.bookings.inc({ outcome: isDomainError(error) ? error.code : 'error' });
    throw error;
  }
}
