// The example's test fixture: a fresh Doctorly behind a fresh host on a real socket (port 0),
// and the requests the tests make. In memory, so each test can afford its own.
import { createDoctorly, type Doctorly, type DoctorlyOptions } from './doctorly.js';
import { startHost, type RunningHost } from './http-host.js';

/** A running example host and what the tests need to call it. */
export interface ExampleHost {
  readonly doctorly: Doctorly;
  readonly host: RunningHost;
  /** `POST /patient/new_appointment` with the demo token (or `token`, `null` for none). */
  book(
    body: unknown,
    options?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<Response>;
  /** `GET /doctors/search?…` with the demo token. */
  search(query: string): Promise<Response>;
}

/** Starts a host over a fresh Doctorly; close it with `host.close()`. */
export async function startExample(options: DoctorlyOptions = {}): Promise<ExampleHost> {
  const doctorly = await createDoctorly(options);
  const host = await startHost(doctorly, 0);
  const bearer = (token: string | null) =>
    token === null ? {} : { authorization: `Bearer ${token}` };
  return {
    doctorly,
    host,
    book: (body, { token = doctorly.demo.token, headers = {} } = {}) =>
      fetch(`${host.url}/patient/new_appointment`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(token), ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    search: (query) =>
      fetch(`${host.url}/doctors/search?${query}`, { headers: bearer(doctorly.demo.token) }),
  };
}

/** The next date (UTC, `YYYY-MM-DD`) on `weekday` (0 Sunday … 6 Saturday) after today, moved by `weeks`. */
export function nextWeekday(weekday: number, weeks = 0): string {
  const today = new Date();
  const days = ((weekday - today.getUTCDay() + 7) % 7 || 7) + weeks * 7;
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days))
    .toISOString()
    .slice(0, 10);
}
