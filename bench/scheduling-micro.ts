// Micro benchmark of core's weekly scheduling (not a test): µs per upcomingSittings call.
// Run: npx tsx --conditions=@doctorly/source bench/scheduling-micro.ts
import { upcomingSittings } from '@doctorly/core';

const zones = [
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'UTC',
  'Australia/Sydney',
  'America/Sao_Paulo',
];
const days = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
const slots = Array.from({ length: 2000 }, (_, i) => ({
  day: days[i % 7]!,
  start: `${String(8 + (i % 10)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
  timeZone: zones[i % zones.length]!,
  durationMinutes: 10,
  places: 6,
}));
const policy = { horizonWeeks: 4, cutoffMinutes: 60 };
const now = new Date('2026-11-27T07:00:00.000Z');
const none = new Set<string>();

function run(rounds: number): number {
  let count = 0;
  for (let r = 0; r < rounds; r += 1)
    for (const slot of slots) count += upcomingSittings(slot, now, policy, none).length;
  return count;
}

function timed(label: string, rounds: number): void {
  const started = process.hrtime.bigint();
  const sittings = run(rounds);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const calls = rounds * slots.length;
  console.log(
    `${label}: ${calls} upcomingSittings calls, ${sittings} sittings: ${((ms * 1000) / calls).toFixed(1)} µs/call (${ms.toFixed(0)} ms)`,
  );
}

// The first round is what a fresh worker process pays; later rounds are a steady tick.
timed('first round', 1);
timed('next rounds', 10);
