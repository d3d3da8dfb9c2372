import { weekdays } from '@doctorly/core';

/** A bench user with a bearer token and the patients it registered. */
export interface BenchUser {
  readonly id: number;
  readonly token: string;
  readonly patientIds: readonly number[];
}

/** A doctor the bench registered itself, with one slot to contend for. */
export interface ContendedSlot {
  readonly doctorId: number;
  readonly slotId: number;
  readonly places: number;
}

const password = 'bench-password-1';

/** A JSON request to the server; throws with the answer unless the status is `expected`. */
export async function call<T>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; basic?: string; body?: unknown; expected?: number } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.basic)
    headers.authorization = `Basic ${Buffer.from(options.basic).toString('base64')}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  if (response.status !== (options.expected ?? 200))
    throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 500)}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** Runs `work` over `items`, at most `limit` at a time, keeping the order of results. */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/**
 * Registers `count` users over HTTP, gets each a token from /auth/get_token (HTTP Basic;
 * cheap because the bench server runs with PASSWORD_HASH_COST=test) and registers
 * `patientsEach` patients for each.
 */
export async function createUsers(
  base: string,
  tag: string,
  count: number,
  patientsEach: number,
): Promise<BenchUser[]> {
  return await inParallel(
    Array.from({ length: count }, (_, i) => i),
    8,
    async (i) => {
      const email = `bench-${tag}-${i}@bench.example.com`;
      const user = await call<{ id: number }>(base, 'POST', '/users/register', {
        body: { name: `Bench User ${i}`, email, password },
        expected: 201,
      });
      const { token } = await call<{ token: string }>(base, 'POST', '/auth/get_token', {
        basic: `${email}:${password}`,
      });
      const patientIds: number[] = [];
      for (let p = 0; p < patientsEach; p++) {
        const patient = await call<{ id: number }>(base, 'POST', '/patient/new', {
          token,
          expected: 201,
          body: {
            name: `Bench Patient ${i} ${p}`,
            age: 20 + ((i + p) % 60),
            gender: p % 2 === 0 ? 'female' : 'male',
            symptoms: 'check-up',
          },
        });
        patientIds.push(patient.id);
      }
      return { id: user.id, token, patientIds };
    },
  );
}

/**
 * Registers a doctor over HTTP with one weekly slot of `places` places on tomorrow's
 * weekday (UTC), so that its next sitting is open and nobody has booked it yet.
 */
export async function createContendedSlot(
  base: string,
  tag: string,
  places: number,
): Promise<ContendedSlot> {
  const email = `bench-doctor-${tag}@bench.example.com`;
  const doctor = await call<{ id: number }>(base, 'POST', '/doctors/new', {
    body: {
      name: 'Bench Contended Doctor',
      email,
      password,
      description: 'A doctor the bench crowds.',
    },
    expected: 201,
  });
  const { token } = await call<{ token: string }>(base, 'POST', '/auth/get_token', {
    basic: `${email}:${password}`,
  });
  const tomorrow = weekdays[(new Date().getUTCDay() + 6 + 1) % 7]!; // core's weekdays start on Monday
  const duration = Math.max(1, Math.floor((10 * 60) / places)); // ends well before midnight from 08:00
  const slot = await call<{ id: number }>(base, 'POST', '/doctors/add_slot', {
    token,
    expected: 201,
    body: {
      day: tomorrow,
      start: '08:00',
      consultation_fee: 100,
      appointment_duration: duration,
      num_slots: places,
    },
  });
  return { doctorId: doctor.id, slotId: slot.id, places };
}
