import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctorly, type Doctorly } from './doctorly.js';
import { startHost, type RunningHost } from './http-host.js';

describe('examples/other-framework: core behind bare node:http', () => {
  let doctorly: Doctorly;
  let host: RunningHost;
  beforeAll(async () => {
    doctorly = await createDoctorly();
    host = await startHost(doctorly, 0);
  });
  afterAll(async () => {
    await host?.close();
  });

  const book = (body: unknown, token: string | null = doctorly.demo.token) =>
    fetch(`${host.url}/appointments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token !== null && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    });

  it('GET /doctors/search finds the doctor by a typo of her name, with her slot', async () => {
    const response = await fetch(`${host.url}/doctors/search?name=ayesa&day=wednesday`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as { total: number; items: { user: { name: string }; slot: { day: string }[] }[] };
    expect(page.total).toBe(1);
    expect(page.items[0]!.user.name).toBe('Ayesha Khan');
    expect(page.items[0]!.slot.map((s) => s.day)).toEqual(['wednesday']);
    const none = await fetch(`${host.url}/doctors/search?name=ayesha&day=monday`);
    expect(await none.json()).toEqual({ items: [], total: 0 });
  });

  it('GET /doctors/search answers 400 with the field for an invalid query', async () => {
    const response = await fetch(`${host.url}/doctors/search?day=someday`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; errors: { path: string }[] };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors.map((e) => e.path)).toEqual(['day']);
  });

  it('POST /appointments books the next sitting and hands out queue numbers', async () => {
    const { patientId, slotId } = doctorly.demo;
    const response = await book({ patient_id: patientId, slot_id: slotId });
    expect(response.status).toBe(201);
    const appointment = (await response.json()) as { queue_number: number; date: string; expected_time: string };
    expect(appointment.queue_number).toBe(1);
    expect(new Date(`${appointment.date}T00:00:00Z`).getUTCDay()).toBe(3);
    expect(appointment.expected_time).toBe(`${appointment.date}T16:00:00.000Z`);
    const again = await book({ patient_id: patientId, slot_id: slotId });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe('ALREADY_BOOKED');
  });

  it('POST /appointments refuses a missing token, a bad body and an unknown slot', async () => {
    const { patientId } = doctorly.demo;
    expect((await book({ patient_id: patientId, slot_id: 1 }, null)).status).toBe(401);
    expect((await book({ patient_id: patientId, slot_id: 1 }, 'forged')).status).toBe(401);
    const invalid = await book({ patient_id: 'one' });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual(['patient_id', 'slot_id']);
    const unknown = await book({ patient_id: patientId, slot_id: 999 });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe('SLOT_NOT_FOUND');
  });

  it('answers 404 for other routes', async () => {
    expect((await fetch(`${host.url}/doctors/all`)).status).toBe(404);
  });
});
