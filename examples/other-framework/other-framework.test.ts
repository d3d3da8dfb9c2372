import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextWeekday, startExample, type ExampleHost } from './test-support.js';

// Core behind bare node:http, serving two endpoints of @doctorly/http-contract over a real socket.
let example: ExampleHost;
beforeEach(async () => {
  example = await startExample();
});
afterEach(() => example.host.close());

type ErrorBody = {
  code: string;
  message: string;
  description: string;
  errors?: { field: string }[];
};

describe('GET /doctors/search', () => {
  it('finds the doctor by a typo of her name, with her slot, the total in X-Total-Count', async () => {
    const response = await example.search('name=ayesa&day=wednesday');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-total-count')).toBe('1');
    const doctors = (await response.json()) as {
      user: { name: string };
      slot: { day: string }[];
    }[];
    expect(doctors.map((d) => d.user.name)).toEqual(['Ayesha Khan']);
    expect(doctors[0]!.slot.map((s) => s.day)).toEqual(['wednesday']);
  });

  it('answers an empty page when a filter excludes her', async () => {
    const response = await example.search('name=ayesha&day=monday');
    expect(response.headers.get('x-total-count')).toBe('0');
    expect(await response.json()).toEqual([]);
  });

  it('answers 400 naming the invalid query field', async () => {
    const response = await example.search('day=someday');
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors?.map((e) => e.field)).toEqual(['day']);
  });
});

describe('POST /patient/new_appointment', () => {
  it('books the next Wednesday sitting at 16:00 with queue number 1', async () => {
    const { patientIds, slotId } = example.doctorly.demo;
    const response = await example.book({ patient_id: patientIds[0], slot_id: slotId });
    expect(response.status).toBe(201);
    const appointment = (await response.json()) as {
      queue_number: number;
      date: string;
      expected_time: string;
    };
    expect(appointment.queue_number).toBe(1);
    expect(appointment.date).toBe(nextWeekday(3));
    expect(appointment.expected_time).toBe(`${appointment.date}T16:00:00.000Z`);
  });

  it('hands out the next queue number to the next patient', async () => {
    const { patientIds, slotId } = example.doctorly.demo;
    await example.book({ patient_id: patientIds[0], slot_id: slotId });
    const second = await example.book({ patient_id: patientIds[1], slot_id: slotId });
    expect(((await second.json()) as { queue_number: number }).queue_number).toBe(2);
  });

  it('names every invalid body field', async () => {
    const response = await example.book({ patient_id: 'one' });
    const body = (await response.json()) as ErrorBody;
    expect(body.errors?.map((e) => e.field).sort()).toEqual(['patient_id', 'slot_id']);
  });

  it('challenges a request without a token with Bearer', async () => {
    const response = await example.book({}, { token: null });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="doctorly"');
  });
});

describe('other routes', () => {
  it('answer 404 ROUTE_NOT_FOUND in the error shape', async () => {
    const response = await fetch(`${example.host.url}/doctors/all`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).code).toBe('ROUTE_NOT_FOUND');
  });
});
