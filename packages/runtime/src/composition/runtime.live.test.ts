import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LiveChannel, sittingNotice, sittingTopic, type Actor } from '@doctorly/core';
import { InMemoryLiveChannel, ManualClock } from '@doctorly/core/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config/index.js';
import { createRuntime, type Runtime } from './runtime.js';

const dataDir = mkdtempSync(join(tmpdir(), 'doctorly-runtime-live-'));
const clock = new ManualClock(new Date('2026-03-02T08:00:00Z')); // a Monday
let runtime: Runtime;

beforeAll(async () => {
  const config = loadConfig({ DATA_DIR: dataDir, PASSWORD_HASH_COST: 'test', LOG_LEVEL: 'silent' });
  runtime = await createRuntime(config, {
    adapters: 'memory',
    clock,
    logger: pino({ level: 'silent' }),
  });
});
afterAll(async () => {
  await runtime.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A booking in today's 10:00 UTC sitting, through the runtime's use cases. */
async function bookToday(): Promise<{ sitting_id: number }> {
  const doctor = await runtime.useCases.registerDoctor.execute({
    name: 'Dr Live',
    email: 'live.doctor@example.com',
    password: 'password-1',
    description: 'Live doctor',
  });
  const doctorActor: Actor = { userId: doctor.user.id, role: 'user' };
  const slot = await runtime.useCases.addSlot.execute(doctorActor, {
    day: 'monday',
    start: '10:00',
    consultation_fee: 5,
    appointment_duration: 10,
    num_slots: 3,
    time_zone: 'UTC',
  });
  const user = await runtime.useCases.registerUser.execute({
    name: 'Zara',
    email: 'zara.live@example.com',
    password: 'password-1',
  });
  const actor: Actor = { userId: user.id, role: 'user' };
  const patient = await runtime.useCases.registerPatient.execute(actor, {
    name: 'Zara junior',
    age: 30,
    gender: 'female',
    symptoms: 'cough',
  });
  return runtime.useCases.bookAppointment.execute(actor, {
    patient_id: patient.id,
    slot_id: slot.id,
  });
}

describe('live updates of a single-process runtime (memory, like the embedded default)', () => {
  it('serves the in-process channel under the LiveChannel token', () => {
    expect(runtime.ports.live).toBeInstanceOf(InMemoryLiveChannel);
    expect(runtime.container.get(LiveChannel)).toBe(runtime.ports.live);
  });

  it("announces a booking after commit, and the background tick's closing of its sitting", async () => {
    const { sitting_id: sittingId } = await bookToday();
    const heard: string[] = [];
    await runtime.ports.live.subscribe(sittingTopic(sittingId), (p) => void heard.push(p));
    // Whatever the booking's relay announced has been delivered once flushed.
    await runtime.flush();
    heard.length = 0;

    clock.set('2026-03-02T11:00:00Z'); // the 10:00 sitting ended at 10:30
    const tick = await runtime.runWorkerTick(clock.now());
    expect(tick.closed).toEqual({ closed: 1, noShows: 1 });
    // The tick relays itself; the after-commit relay may take a share of the batch: one
    // notice or two, never anything else.
    await vi.waitFor(() => expect(heard).toContain(sittingNotice(sittingId)));
    expect(new Set(heard)).toEqual(new Set([sittingNotice(sittingId)]));
  });
});
