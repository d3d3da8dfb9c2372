import {
  addPatient,
  addSlot,
  registerDoctor,
  registerUser,
  weekdays,
  type Account,
  type DoctorAccount,
} from './fixtures.js';
import type { HttpClient } from './http-client.js';

/** A doctor with one slot per weekday and users with patients: enough for a booking load. */
export interface Clinic {
  readonly doctor: DoctorAccount;
  readonly slotIds: number[];
  readonly users: { account: Account; patientIds: number[] }[];
}

/**
 * A start time about 12 hours away from now (UTC), so that no slot's next sitting closes
 * or moves while a test runs, whatever the hour the suite runs at.
 */
export function farStart(): string {
  const hour = (new Date().getUTCHours() + 12) % 24;
  return `${String(Math.min(hour, 22)).padStart(2, '0')}:00`;
}

/** Builds a {@link Clinic} through the API. */
export async function buildClinic(
  api: HttpClient,
  options: { users: number; patientsPerUser: number; slots?: number; places?: number },
): Promise<Clinic> {
  const doctor = await registerDoctor(api, 'Doctor Fault');
  const slotIds: number[] = [];
  for (const day of weekdays.slice(0, options.slots ?? 7)) {
    slotIds.push(
      await addSlot(api, doctor, {
        day,
        start: farStart(),
        appointment_duration: 1,
        num_slots: options.places ?? 50,
      }),
    );
  }
  const users: Clinic['users'] = [];
  for (let u = 0; u < options.users; u++) {
    const account = await registerUser(api, `User ${u}`);
    const patientIds: number[] = [];
    for (let p = 0; p < options.patientsPerUser; p++)
      patientIds.push(await addPatient(api, account, `Patient ${u}-${p}`));
    users.push({ account, patientIds });
  }
  return { doctor, slotIds, users };
}

/** Runs `jobs` with at most `concurrency` at once, calling `onProgress` after each. */
export async function runPool<J>(
  jobs: readonly J[],
  concurrency: number,
  work: (job: J, index: number) => Promise<void>,
  onProgress: (done: number) => void = () => {},
): Promise<void> {
  let next = 0;
  let done = 0;
  const lane = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next++;
      await work(jobs[index]!, index);
      onProgress(++done);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
}
