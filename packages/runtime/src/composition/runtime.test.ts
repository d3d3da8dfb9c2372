import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@doctorly/core/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';
import { createRuntime, type Runtime } from './runtime.js';
import { useCaseIdentifier, useCaseNames } from './use-cases.js';

const dataDir = mkdtempSync(join(tmpdir(), 'doctorly-runtime-'));
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

describe('createRuntime with the in-memory adapters', () => {
  it('wires every use case of core, from the container', () => {
    expect(useCaseNames).toHaveLength(49);
    for (const name of useCaseNames) {
      expect(typeof runtime.useCases[name].execute, name).toBe('function');
      expect(runtime.container.get(useCaseIdentifier(name))).toBe(runtime.useCases[name]);
    }
  });

  it('seeds the catalog at start', async () => {
    expect(await runtime.useCases.listSpecializations.execute()).toHaveLength(36);
    expect(await runtime.useCases.listQualifications.execute()).toHaveLength(9);
  });

  it('loads no demo data without a database folder', async () => {
    expect((await runtime.useCases.listDoctors.execute({})).total).toBe(0);
  });

  it('runs a whole booking through the use cases, and the worker tick', async () => {
    const { useCases } = runtime;
    const doctor = await useCases.registerDoctor.execute({
      name: 'Ayesha Khan',
      email: 'ayesha@example.com',
      password: 'password1',
    });
    const doctorActor = { userId: doctor.user.id, role: 'user' as const };
    const slot = await useCases.addSlot.execute(doctorActor, {
      day: 'monday',
      start: '10:30',
      appointment_duration: 10,
      num_slots: 4,
      consultation_fee: 100,
    });
    expect(slot.time_zone).toBe('UTC');
    const user = await useCases.registerUser.execute({
      name: 'Bob',
      email: 'bob@example.com',
      password: 'password1',
    });
    const { token } = await useCases.issueToken.execute({
      email: 'bob@example.com',
      password: 'password1',
    });
    const actor = await useCases.authenticate.execute(token);
    expect(actor.userId).toBe(user.id);
    const patient = await useCases.registerPatient.execute(actor, {
      name: 'Bob',
      age: 40,
      gender: 'male',
    });
    const booked = await useCases.bookAppointment.execute(actor, {
      patient_id: patient.id,
      slot_id: slot.id,
    });
    expect(booked).toMatchObject({ queue_number: 1, date: '2026-03-02' });
    const timings = await useCases.getTimings.execute({ id: doctor.id });
    expect(timings[0]).toMatchObject({ occurring_date: '2026-03-02', slots_booked: 1 });
    const tick = await runtime.runWorkerTick(clock.now());
    expect(tick.materialized.slots).toBe(1);
    await runtime.flush();
    const found = await useCases.searchDoctors.execute({ name: 'ayesha' });
    expect(found.items.map((d) => d.id)).toEqual([doctor.id]);
  });

  it('reports health', async () => {
    expect(await runtime.health()).toEqual({ postgres: 'up', redis: 'disabled', search: 'memory' });
  });

  it('exposes the resolved ports', () => {
    expect(runtime.ports.clock.now()).toEqual(clock.now());
    expect(runtime.ports.search.engine).toBe('memory');
    expect(runtime.database).toBe('memory');
  });
});

describe('createRuntime configuration', () => {
  it('applies RATE_LIMIT_LOGIN_ACCOUNT to logins', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'doctorly-limits-'));
    const config = loadConfig({
      DATA_DIR: folder,
      PASSWORD_HASH_COST: 'test',
      RATE_LIMIT_LOGIN_ACCOUNT: '2',
    });
    const limited = await createRuntime(config, {
      adapters: 'memory',
      clock,
      logger: pino({ level: 'silent' }),
    });
    try {
      await limited.useCases.registerUser.execute({
        name: 'Eve',
        email: 'eve@example.com',
        password: 'password1',
      });
      const wrong = { email: 'eve@example.com', password: 'wrong-password' };
      for (let i = 0; i < 2; i += 1) {
        await expect(limited.useCases.issueToken.execute(wrong)).rejects.toMatchObject({
          code: 'INVALID_CREDENTIALS',
        });
      }
      await expect(limited.useCases.issueToken.execute(wrong)).rejects.toMatchObject({
        code: 'RATE_LIMITED',
      });
    } finally {
      await limited.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
