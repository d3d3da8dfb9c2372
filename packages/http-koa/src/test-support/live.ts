// Helpers of the live-*.test.ts files in src/tests/: an SSE client that records what it
// receives, a sitting with bookings made through the API, and a server process of its own
// (`npm start`'s main).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import type { AppointmentView } from '@doctorly/core';
import { EventSource } from 'eventsource';
import type { Account, Api, DoctorAccount } from './api.js';

/** One event as a client received it. */
export interface ReceivedEvent {
  readonly type: string;
  readonly id: number;
  readonly data: Record<string, unknown>;
}

/** What a stream is opened with: a bearer token, a `Last-Event-ID` to resume from. */
export interface StreamOptions {
  readonly token?: string;
  readonly lastEventId?: string;
}

/**
 * An `EventSource` (the `eventsource` package: the WHATWG client for Node) that records every
 * `board` and `appointment` event. Reconnects as browsers do; {@link close} stops it.
 */
export class LiveStream {
  readonly events: ReceivedEvent[] = [];
  private readonly source: EventSource;

  constructor(url: string, options: StreamOptions = {}) {
    const extra: Record<string, string> = {};
    if (options.token) extra.authorization = `Bearer ${options.token}`;
    if (options.lastEventId) extra['last-event-id'] = options.lastEventId;
    this.source = new EventSource(url, {
      fetch: (input, init) =>
        fetch(input, {
          ...init,
          headers: { ...(init.headers as Record<string, string>), ...extra },
        }),
    });
    for (const type of ['board', 'appointment'])
      this.source.addEventListener(type, (event) =>
        this.events.push({
          type,
          id: Number(event.lastEventId),
          data: JSON.parse(String(event.data)) as Record<string, unknown>,
        }),
      );
  }

  /** Waits for the `n`th event (1-based) and returns it. */
  async nth(n: number): Promise<ReceivedEvent> {
    await until(() => this.events.length >= n);
    return this.events[n - 1] as ReceivedEvent;
  }

  /** Waits for an event matching `predicate` and returns the first one. */
  async find(predicate: (event: ReceivedEvent) => boolean): Promise<ReceivedEvent> {
    let found: ReceivedEvent | undefined;
    await until(() => (found = this.events.find(predicate)) !== undefined);
    return found as ReceivedEvent;
  }

  /** The last event received. */
  get last(): ReceivedEvent | undefined {
    return this.events.at(-1);
  }

  close(): void {
    this.source.close();
  }
}

/** Polls `check` until it holds (no timing is asserted: the test's timeout bounds the wait). */
export async function until(check: () => boolean | Promise<boolean>, everyMs = 10): Promise<void> {
  while (!(await check())) await delay(everyMs);
}

/** A sitting made through the API: its doctor, the owner of its patients and the bookings. */
export interface BookedSitting {
  readonly doctor: DoctorAccount;
  readonly owner: Account;
  readonly slotId: number;
  readonly sittingId: number;
  readonly appointments: AppointmentView[];
}

/** A new doctor with one weekly slot of `places` places, and `bookings` patients of one user booked in its next sitting. */
export async function bookedSitting(
  api: Api,
  { places = 10, bookings = 3, day = 'wednesday', start = '08:00', doctorName = 'Live' } = {},
): Promise<BookedSitting> {
  const doctor = await api.doctor(doctorName);
  const slotId = await api.slot(doctor, {
    day,
    start,
    num_slots: places,
    appointment_duration: 5,
  });
  const owner = await api.user('Waiting');
  const appointments: AppointmentView[] = [];
  for (let i = 0; i < bookings; i += 1) appointments.push(await book(api, owner, slotId));
  const first = appointments[0];
  if (first === undefined) throw new Error('bookedSitting needs one booking at least');
  return { doctor, owner, slotId, sittingId: first.sitting_id, appointments };
}

/** Books a new patient of `owner` into the slot's next sitting, through the API. */
export async function book(api: Api, owner: Account, slotId: number): Promise<AppointmentView> {
  const patient = await api.patient(owner, 'Live patient');
  const reply = await api.book(owner, patient, slotId);
  if (reply.status !== 201) throw new Error(`booking failed: ${reply.status} ${reply.text}`);
  return reply.body as AppointmentView;
}

/** A TCP port free at the time of asking. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A server process started as `npm start` starts one, on a port of its own. */
export interface ServerProcess {
  readonly base: string;
  readonly child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far (its JSON log). */
  output(): string;
  /** Resolves with the exit code once the process has exited. */
  readonly exited: Promise<number | null>;
  /** Sends SIGTERM and waits for the exit. */
  stop(): Promise<number | null>;
}

const mainScript = fileURLToPath(new URL('../main.ts', import.meta.url));

/**
 * Spawns the server's `main.ts` under `tsx --conditions=@doctorly/source` with `env`, and
 * waits until `/readyz` answers. Its output is kept and shown if it fails to start.
 */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@doctorly/source', mainScript],
    {
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        PASSWORD_HASH_COST: 'test',
        ...env,
        PORT: String(port),
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  let gone = false;
  void exited.then(() => (gone = true));
  const base = `http://127.0.0.1:${port}`;
  await until(async () => {
    if (gone) throw new Error(`server process exited at start:\n${output}`);
    return fetch(`${base}/readyz`).then(
      (reply) => reply.ok,
      () => false,
    );
  }, 100);
  return {
    base,
    child,
    output: () => output,
    exited,
    stop: async () => {
      if (!gone) child.kill('SIGTERM');
      return exited;
    },
  };
}
