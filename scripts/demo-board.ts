// `npm run demo:board`: the waiting-room board of a demo sitting, changing before your eyes.
// Talks to a running server over HTTP (`npm start` in another terminal): logs in as a demo
// doctor, makes sure that doctor has a sitting today that has not ended (adding a short slot
// starting in a few minutes when there is none), books a handful of places for the demo
// patient's family, starts the sitting, prints the board page's URL, then calls the next
// patient every few seconds until the queue is empty. Safe to run again the same day: it
// reuses today's sitting while it has patients waiting, else adds another slot after it.
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Api, ApiError, clock, localNow } from './demo-board-api.js';

const usage = `Usage: npm run demo:board -- [options]

  --url <url>          the server (default $DOCTORLY_URL or http://localhost:5000)
  --every <s>          seconds between two calls of the next patient (default 10)
  --places <n>         places to fill in the sitting (default 6)
  --calls <n>          stop after this many calls (default: until the queue is empty)
  --doctor <email>     the demo doctor (default ayesha.khan@example.com)
  --patient <email>    the demo user whose family books (default demo.patient@example.com)
  --password <pw>      their password (default doctorly-demo, the demo set's)`;

interface Slot {
  readonly id: number;
  readonly day: string;
  readonly start: string;
  readonly end: string;
  readonly time_zone: string;
}
interface QueueEntry {
  readonly id: number;
  readonly patient_id: number;
  readonly queue_number: number;
  readonly status: string;
}
interface SittingQueue {
  readonly sitting_id: number | null;
  readonly date: string;
  readonly status: string;
  readonly starts_at: string;
  readonly ends_at: string;
  readonly places: number;
  readonly booked: number;
  readonly appointments: readonly QueueEntry[];
}
/** Today's sitting of one of the doctor's slots. */
interface Today {
  readonly slot: Slot;
  readonly queue: SittingQueue;
}

const minutes = 60_000;
/** A new demo slot: short consultations, so that planned and live times are easy to compare. */
const demoSlot = { duration: 5, leadMinutes: 3, fee: 1000 } as const;
const waiting = (q: SittingQueue) =>
  q.appointments.filter((a) => a.status === 'booked' || a.status === 'checked_in');

function options() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: process.env.DOCTORLY_URL ?? 'http://localhost:5000' },
      every: { type: 'string', default: '10' },
      places: { type: 'string', default: '6' },
      calls: { type: 'string' },
      doctor: { type: 'string', default: 'ayesha.khan@example.com' },
      patient: { type: 'string', default: 'demo.patient@example.com' },
      password: { type: 'string', default: 'doctorly-demo' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const number = (value: string, name: string, max: number) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0 || n > max)
      throw new Error(`--${name} expects a number from 0 to ${max}, got "${value}"`);
    return n;
  };
  return {
    ...values,
    every: number(values.every, 'every', 3600),
    places: Math.max(1, Math.round(number(values.places, 'places', 20))),
    calls: values.calls === undefined ? Infinity : Math.round(number(values.calls, 'calls', 1e6)),
  };
}

async function queueOf(api: Api, token: string, slot: Slot, date: string): Promise<SittingQueue> {
  return await api.call<SittingQueue>('GET', `/doctors/patients/${slot.id}?date=${date}`, {
    token,
  });
}

/**
 * Today's sitting of one of the doctor's slots that the demo can use: not ended, starting
 * within the hour, and either with patients waiting or still open for booking.
 */
async function usableToday(
  api: Api,
  token: string,
  slots: readonly Slot[],
): Promise<Today | undefined> {
  const now = Date.now();
  for (const slot of slots) {
    const today = localNow(new Date(now), slot.time_zone);
    if (slot.day !== today.weekday) continue;
    const queue = await queueOf(api, token, slot, today.date);
    const startsAt = Date.parse(queue.starts_at);
    const open = now < startsAt && queue.booked < queue.places;
    if (
      (queue.status === 'scheduled' || queue.status === 'in_progress') &&
      now < Date.parse(queue.ends_at) &&
      startsAt - now <= 60 * minutes &&
      (waiting(queue).length > 0 || open)
    )
      return { slot, queue };
  }
  return undefined;
}

/**
 * Adds a slot on today's weekday, in this machine's time zone, starting a few minutes from
 * now (so its places can still be booked) and after any of the doctor's slots it would
 * overlap that day.
 */
async function addTodaysSlot(
  api: Api,
  token: string,
  slots: readonly Slot[],
  places: number,
): Promise<Today> {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const today = localNow(new Date(), zone);
  const length = demoSlot.duration * places;
  let start = today.minutes + demoSlot.leadMinutes;
  const sameDay = slots
    .filter((s) => s.day === today.weekday)
    .sort((a, b) => clock.parse(a.start) - clock.parse(b.start));
  for (const s of sameDay)
    if (start < clock.parse(s.end) && clock.parse(s.start) < start + length)
      start = clock.parse(s.end);
  if (start + length > 24 * 60)
    throw new Error(
      `Too late today (${zone}) for a ${length}-minute demo sitting: run it after midnight, or with fewer --places.`,
    );
  const slot = await api.call<Slot>('POST', '/doctors/add_slot', {
    token,
    body: {
      day: today.weekday,
      start: clock.format(start),
      time_zone: zone,
      consultation_fee: demoSlot.fee,
      appointment_duration: demoSlot.duration,
      num_slots: places,
    },
  });
  console.log(`Added a slot: ${slot.day}s ${slot.start}–${slot.end} (${slot.time_zone}).`);
  return { slot, queue: await queueOf(api, token, slot, today.date) };
}

/** Books places of today's sitting for the demo user's patients (registering a few if needed). */
async function bookPlaces(
  api: Api,
  patientToken: string,
  today: Today,
  places: number,
): Promise<void> {
  const queue = today.queue;
  if (Date.now() >= Date.parse(queue.starts_at)) return; // Closed for booking: use who is there.
  const patients = await api.call<{ id: number }[]>('GET', '/patient/all?limit=100', {
    token: patientToken,
  });
  for (let n = patients.length + 1; patients.length < places; n++)
    patients.push(
      await api.call<{ id: number }>('POST', '/patient/new', {
        token: patientToken,
        body: {
          name: `Board demo ${n}`,
          age: 20 + n,
          gender: n % 2 ? 'female' : 'male',
          symptoms: 'check-up',
        },
      }),
    );
  const booked = new Set(waiting(queue).map((a) => a.patient_id));
  for (const patient of patients) {
    if (booked.size >= places) break;
    if (booked.has(patient.id)) continue;
    try {
      const appointment = await api.call<{ queue_number: number }>(
        'POST',
        '/patient/new_appointment',
        {
          token: patientToken,
          body: { patient_id: patient.id, slot_id: today.slot.id, date: queue.date },
        },
      );
      booked.add(patient.id);
      console.log(`Booked queue number ${appointment.queue_number}.`);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 409) throw error;
      console.log(`Not booked: ${error.message}`);
      if (error.code !== 'ALREADY_BOOKED') break;
    }
  }
}

async function main(): Promise<void> {
  const o = options();
  const api = new Api(o.url);
  const doctorToken = await api.login(o.doctor, o.password);
  const doctor = await api.call<{ user: { name: string }; slot: Slot[] }>('GET', '/doctors/info', {
    token: doctorToken,
  });
  let today =
    (await usableToday(api, doctorToken, doctor.slot)) ??
    (await addTodaysSlot(api, doctorToken, doctor.slot, o.places));
  await bookPlaces(api, await api.login(o.patient, o.password), today, o.places);
  today = { ...today, queue: await queueOf(api, doctorToken, today.slot, today.queue.date) };
  const sittingId = today.queue.sitting_id;
  if (sittingId === null || waiting(today.queue).length === 0)
    throw new Error("Nobody could be booked into today's sitting: nothing to show.");
  await api.call('POST', `/doctors/sittings/${sittingId}/start`, { token: doctorToken });
  const base = o.url.replace(/\/$/, '');
  console.log(`
${doctor.user.name}'s sitting of ${today.queue.date} has started: ${waiting(today.queue).length} patients waiting.

  Open the waiting-room board:  ${base}/board/sittings/${sittingId}
  The same as JSON:             curl -s ${base}/sittings/${sittingId}/board
  Its live stream:              curl -N ${base}/sittings/${sittingId}/board/live

Calling the next patient every ${o.every} s (Ctrl-C to stop).`);
  for (let calls = 0; calls < o.calls; calls++) {
    await sleep(o.every * 1000);
    const queue = await queueOf(api, doctorToken, today.slot, today.queue.date);
    const next = waiting(queue)[0];
    if (!next) {
      const inRoom = queue.appointments.find((a) => a.status === 'in_consultation');
      if (inRoom)
        await api.call('POST', `/doctors/appointments/${inRoom.id}/complete`, {
          token: doctorToken,
        });
      console.log('The queue is empty: the last consultation is complete. Done.');
      return;
    }
    await api.call('POST', `/doctors/appointments/${next.id}/call`, { token: doctorToken });
    console.log(
      `Now serving number ${next.queue_number} (${waiting(queue).length - 1} still waiting).`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
