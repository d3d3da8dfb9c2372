import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedTime } from '../scheduling/sitting-times.js';
import { liveQueueArb } from '../testing/arbitraries.js';
import { isWaiting, liveExpectedTimes, type LiveQueueSitting } from './live-expected-time.js';

const runs = { numRuns: 2000 };

/** The waiting appointments' timings, by queue number. */
function waitingTimings(sitting: LiveQueueSitting, now: Date) {
  return liveExpectedTimes(sitting, now)
    .appointments.filter((t) => isWaiting(t.appointment.status))
    .sort((a, b) => a.appointment.queueNumber - b.appointment.queueNumber);
}

describe('liveExpectedTimes (DESIGN.md properties)', () => {
  it('is never earlier than the planned time', () => {
    fc.assert(
      fc.property(liveQueueArb, ({ sitting, now }) => {
        for (const { appointment, expectedAt } of waitingTimings(sitting, now)) {
          const planned = expectedTime(
            sitting.startsAt,
            sitting.durationMinutes,
            appointment.queueNumber,
          );
          expect(expectedAt!.getTime()).toBeGreaterThanOrEqual(planned.getTime());
        }
      }),
      runs,
    );
  });

  it('is non-decreasing in queue number among waiting appointments', () => {
    fc.assert(
      fc.property(liveQueueArb, ({ sitting, now }) => {
        const times = waitingTimings(sitting, now).map((t) => t.expectedAt!.getTime());
        for (let i = 1; i < times.length; i++)
          expect(times[i]).toBeGreaterThanOrEqual(times[i - 1]!);
      }),
      runs,
    );
  });

  it('is not before now for a waiting appointment once the sitting has started or is due', () => {
    fc.assert(
      fc.property(liveQueueArb, ({ sitting, now }) => {
        fc.pre(Boolean(sitting.startedAt) || now.getTime() >= sitting.startsAt.getTime());
        for (const { expectedAt } of waitingTimings(sitting, now))
          expect(expectedAt!.getTime()).toBeGreaterThanOrEqual(now.getTime());
      }),
      runs,
    );
  });

  it('never makes anyone later when a waiting appointment is cancelled or marked no-show', () => {
    fc.assert(
      fc.property(
        liveQueueArb,
        fc.nat(),
        fc.constantFrom('cancelled' as const, 'no_show' as const),
        ({ sitting, now }, pick, status) => {
          const waiting = sitting.appointments.filter((a) => isWaiting(a.status));
          fc.pre(waiting.length > 0);
          const leaving = waiting[pick % waiting.length]!;
          const after: LiveQueueSitting = {
            ...sitting,
            appointments: sitting.appointments.map((a) => (a === leaving ? { ...a, status } : a)),
          };
          const before = new Map(
            waitingTimings(sitting, now).map((t) => [t.appointment.queueNumber, t.expectedAt!]),
          );
          for (const { appointment, expectedAt } of waitingTimings(after, now))
            expect(expectedAt!.getTime()).toBeLessThanOrEqual(
              before.get(appointment.queueNumber)!.getTime(),
            );
        },
      ),
      runs,
    );
  });
});
