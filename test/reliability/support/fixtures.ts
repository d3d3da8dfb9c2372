import { randomBytes } from 'node:crypto';
import { leakScan, type Answer, type HttpClient } from './http-client.js';

/** An account the suite created, with its password (scanned for in every answer) and a token. */
export interface Account {
  readonly userId: number;
  readonly email: string;
  readonly password: string;
  token: string;
}

/** A doctor account and its doctor profile id. */
export interface DoctorAccount extends Account {
  readonly doctorId: number;
}

let counter = 0;

/** A unique email and a password nobody could guess, registered for the leak scan. */
function credentials(name: string): { email: string; password: string } {
  counter += 1;
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  leakScan.secrets.add(password);
  return {
    email: `${name.toLowerCase().replace(/\W+/g, '')}.${counter}.${randomBytes(3).toString('hex')}@reliability.test`,
    password,
  };
}

/** Fails loudly with the answer when a set-up request did not do what it should. */
export function expectStatus(answer: Answer, status: number, what: string): Answer {
  if (answer.status !== status)
    throw new Error(
      `${what}: expected ${status}, got ${answer.status} ${answer.text.slice(0, 500)}`,
    );
  return answer;
}

/** HTTP Basic credentials for `/auth/get_token`. */
export function basic(email: string, password: string): string {
  return `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;
}

/** Logs in: the token, or throws. */
export async function login(api: HttpClient, email: string, password: string): Promise<string> {
  const answer = await api.send({
    method: 'POST',
    path: '/auth/get_token',
    headers: { authorization: basic(email, password) },
  });
  expectStatus(answer, 200, `login ${email}`);
  return (answer.json as { token: string }).token;
}

/** Registers a user through `POST /users/register` and logs in. */
export async function registerUser(api: HttpClient, name: string): Promise<Account> {
  const { email, password } = credentials(name);
  const answer = expectStatus(
    await api.json('POST', '/users/register', { name, email, password }),
    201,
    `register ${name}`,
  );
  const userId = (answer.json as { id: number }).id;
  return { userId, email, password, token: await login(api, email, password) };
}

/** Registers a doctor through `POST /doctors/new` and logs in. */
export async function registerDoctor(api: HttpClient, name: string): Promise<DoctorAccount> {
  const { email, password } = credentials(name);
  const answer = expectStatus(
    await api.json('POST', '/doctors/new', { name, email, password, description: `Dr ${name}` }),
    201,
    `register doctor ${name}`,
  );
  const view = answer.json as { id: number; user: { id: number } };
  return {
    userId: view.user.id,
    doctorId: view.id,
    email,
    password,
    token: await login(api, email, password),
  };
}

/** A weekly slot of the doctor; answers its id. */
export async function addSlot(
  api: HttpClient,
  doctor: Account,
  slot: Record<string, unknown>,
): Promise<number> {
  const body = {
    start: '08:00',
    consultation_fee: 500,
    appointment_duration: 1,
    num_slots: 200,
    ...slot,
  };
  const answer = expectStatus(
    await api.json('POST', '/doctors/add_slot', body, doctor.token),
    201,
    'add slot',
  );
  return (answer.json as { id: number }).id;
}

/** A patient of the user; answers its id. */
export async function addPatient(api: HttpClient, owner: Account, name: string): Promise<number> {
  const answer = expectStatus(
    await api.json(
      'POST',
      '/patient/new',
      { name, age: 30, gender: 'female', symptoms: 'cough' },
      owner.token,
    ),
    201,
    'add patient',
  );
  return (answer.json as { id: number }).id;
}

/** Books a place; answers the raw answer (the caller decides what it expects). */
export function book(
  api: HttpClient,
  owner: Account,
  patientId: number,
  slotId: number,
  key?: string,
  date?: string,
): Promise<Answer> {
  const body = { patient_id: patientId, slot_id: slotId, ...(date !== undefined && { date }) };
  return api.json(
    'POST',
    '/patient/new_appointment',
    body,
    owner.token,
    key ? { 'idempotency-key': key } : {},
  );
}

/** The date (UTC, `YYYY-MM-DD`) of the first `day` that is more than `weeks` weeks away: a sitting no other test books. */
export function weekdayInWeeks(day: (typeof weekdays)[number], weeks: number): string {
  const date = new Date(Date.now() + weeks * 7 * 86_400_000);
  const target = (weekdays.indexOf(day) + 1) % 7; // getUTCDay: 0 = Sunday
  do date.setUTCDate(date.getUTCDate() + 1);
  while (date.getUTCDay() !== target);
  return date.toISOString().slice(0, 10);
}

/** The weekdays, in the API's spelling. */
export const weekdays = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
