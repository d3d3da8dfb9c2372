import { describe, expect, it } from 'vitest';
import {
  consultationPaceMinutes,
  liveExpectedTimes,
  type LiveQueueAppointment,
  type LiveQueueSitting,
} from './live-expected-time.js';

// A sitting planned at 09:00Z with 10-minute consultations.
const day = '2026-01-05';
const at = (hhmm: string): Date => new Date(`${day}T${hhmm}:00.000Z`);
const booked = (queueNumber: number): LiveQueueAppointment => ({ queueNumber, status: 'booked' });
const completed = (queueNumber: number, called: string, done: string): LiveQueueAppointment => ({
  queueNumber,
  status: 'completed',
  calledAt: at(called),
  completedAt: at(done),
});
const inConsultation = (queueNumber: number, called: string): LiveQueueAppointment => ({
  queueNumber,
  status: 'in_consultation',
  calledAt: at(called),
});

function sitting(appointments: LiveQueueAppointment[], startedAt?: string): LiveQueueSitting {
  return {
    startsAt: at('09:00'),
    durationMinutes: 10,
    startedAt: startedAt === undefined ? null : at(startedAt),
    appointments,
  };
}

/** Expected times as `HH:mm`, by queue number, for the waiting appointments. */
function expected(s: LiveQueueSitting, now: string): Record<number, string> {
  const out: Record<number, string> = {};
  for (const { appointment, expectedAt } of liveExpectedTimes(s, at(now)).appointments)
    if (expectedAt) out[appointment.queueNumber] = expectedAt.toISOString().slice(11, 16);
  return out;
}

describe('liveExpectedTimes', () => {
  it('gives the planned times before the sitting starts', () => {
    expect(expected(sitting([booked(1), booked(2), booked(3)]), '08:30')).toEqual({
      1: '09:00',
      2: '09:10',
      3: '09:20',
    });
  });

  it('keeps the planned times when the doctor starts early', () => {
    expect(expected(sitting([booked(1), booked(2)], '08:50'), '08:50')).toEqual({
      1: '09:00',
      2: '09:10',
    });
  });

  it('shifts everyone by the delay when the doctor starts 20 minutes late', () => {
    expect(expected(sitting([booked(1), booked(2), booked(3)], '09:20'), '09:20')).toEqual({
      1: '09:20',
      2: '09:30',
      3: '09:40',
    });
  });

  it('shifts everyone once the planned start has passed and the doctor has not started', () => {
    expect(expected(sitting([booked(1), booked(2)]), '09:15')).toEqual({ 1: '09:15', 2: '09:25' });
  });

  it('expects the next patient at called_at + m while the consultation is shorter than m', () => {
    const s = sitting([inConsultation(1, '09:00'), booked(2), booked(3)], '09:00');
    expect(expected(s, '09:05')).toEqual({ 2: '09:10', 3: '09:20' });
  });

  it('moves the base to now when a consultation runs longer than m', () => {
    const s = sitting([inConsultation(1, '09:00'), booked(2), booked(3)], '09:00');
    expect(expected(s, '09:25')).toEqual({ 2: '09:25', 3: '09:35' });
  });

  it('moves the later patients earlier by m when someone ahead is a no-show', () => {
    const queue = [inConsultation(1, '09:20'), booked(2), booked(3), booked(4)];
    expect(expected(sitting(queue, '09:20'), '09:30')).toEqual({
      2: '09:30',
      3: '09:40',
      4: '09:50',
    });
    queue[1] = { queueNumber: 2, status: 'no_show' };
    expect(expected(sitting(queue, '09:20'), '09:30')).toEqual({ 3: '09:30', 4: '09:40' });
  });

  it('keeps a later patient at the planned time when a no-show ahead would make it earlier', () => {
    const queue: LiveQueueAppointment[] = [{ queueNumber: 1, status: 'no_show' }, booked(2)];
    expect(expected(sitting(queue, '09:00'), '09:00')).toEqual({ 2: '09:10' });
  });

  it('counts only waiting appointments ahead', () => {
    const queue: LiveQueueAppointment[] = [
      completed(1, '09:00', '09:10'),
      { queueNumber: 2, status: 'cancelled' },
      inConsultation(3, '09:10'),
      { queueNumber: 4, status: 'checked_in' },
      booked(5),
    ];
    const ahead = liveExpectedTimes(sitting(queue, '09:00'), at('09:12')).appointments.map(
      (t) => t.ahead,
    );
    expect(ahead).toEqual([null, null, null, 0, 1]);
  });

  it('gives no expected time to completed, cancelled, no-show or in-consultation appointments', () => {
    const queue: LiveQueueAppointment[] = [
      completed(1, '09:00', '09:10'),
      { queueNumber: 2, status: 'cancelled' },
      { queueNumber: 3, status: 'no_show' },
      inConsultation(4, '09:10'),
    ];
    const timings = liveExpectedTimes(sitting(queue, '09:00'), at('09:12')).appointments;
    expect(timings.map((t) => t.expectedAt)).toEqual([null, null, null, null]);
  });

  it('reports the queue number in consultation as nowServing', () => {
    const s = sitting(
      [completed(1, '09:00', '09:10'), inConsultation(2, '09:10'), booked(3)],
      '09:00',
    );
    expect(liveExpectedTimes(s, at('09:12')).nowServing).toBe(2);
  });

  it('reports nowServing as null when nobody is in consultation', () => {
    expect(liveExpectedTimes(sitting([booked(1)], '09:00'), at('09:00')).nowServing).toBeNull();
  });
});

describe('consultationPaceMinutes', () => {
  it('is the slot duration before any consultation is completed', () => {
    expect(consultationPaceMinutes(10, [booked(1), inConsultation(2, '09:00')])).toBe(10);
  });

  it('blends the measured lengths with three planned consultations', () => {
    // (2 + 4 + 6 + 3·10) / (3 + 3)
    const done = [
      completed(1, '09:00', '09:02'),
      completed(2, '09:02', '09:06'),
      completed(3, '09:06', '09:12'),
    ];
    expect(consultationPaceMinutes(10, done)).toBe(7);
  });

  it('leaves out a completed consultation that was never called in', () => {
    const done: LiveQueueAppointment[] = [
      completed(1, '09:00', '09:02'),
      { queueNumber: 2, status: 'completed' },
    ];
    expect(consultationPaceMinutes(10, done)).toBe(8);
  });

  it('is reported by liveExpectedTimes as paceMinutes', () => {
    const s = sitting([completed(1, '09:00', '09:02'), booked(2)], '09:00');
    expect(liveExpectedTimes(s, at('09:02')).paceMinutes).toBe(8);
  });
});
