import {
  defaultBookingLimits,
  AddSlot,
  BookAppointment,
  CloseEndedSittings,
  GetAppointmentHistory,
  MaterializeSittings,
  ReconcileSearchIndex,
  RegisterDoctor,
  RegisterPatient,
  RegisterUser,
  RelayOutbox,
  type Actor,
  type BookingPolicy,
  type Cache,
  type DoctorSearchIndex,
  type LiveChannel,
} from '@doctorly/core';
import {
  InMemoryCache,
  InMemoryDoctorSearchIndex,
  InMemoryLiveChannel,
  InsecureTestPasswordHasher,
  ManualClock,
  RecordingOutboxPublisher,
} from '@doctorly/core/testing';
import {
  createPostgresAdapters,
  PgPoolSqlClient,
  type PostgresAdapters,
} from '@doctorly/adapters-postgres';
import { createTestDatabase, type TestDatabase } from '@doctorly/test-support';
import { pino } from 'pino';
import { PostgresStepLock, type StepLock } from '../loop/step-lock.js';
import { Worker } from '../loop/worker.js';
import { WorkerMetrics } from '../loop/worker-metrics.js';
import { createWorkerSteps, type WorkerStepsOptions } from '../steps/worker-steps.js';

/** Test support (not built): one PostgreSQL database per test file, core's use cases over it, workers. */
export interface Harness {
  readonly url: string;
  readonly clock: ManualClock;
  readonly policy: BookingPolicy;
  readonly pg: PostgresAdapters;
  /** Stands in for the shared Redis search index of a deployment (none with the Query Engine here). */
  readonly search: InMemoryDoctorSearchIndex;
  readonly cache: InMemoryCache;
  /** Stands in for the deployment's live fan-out: every worker's relay publishes here. */
  readonly live: InMemoryLiveChannel;
  readonly useCases: ReturnType<typeof domainUseCases>;
  /** A worker process of its own: own pools (adapters and locks), sharing the database, index and cache. */
  worker(options?: WorkerProcessOptions): Promise<WorkerProcess>;
  dispose(): Promise<void>;
}

export interface WorkerProcessOptions extends WorkerStepsOptions {
  readonly search?: DoctorSearchIndex;
  readonly cache?: Cache;
  /** Where this worker's relay announces changed sittings (default: the harness' {@link Harness.live}). */
  readonly live?: LiveChannel;
  readonly lock?: 'postgres' | 'none';
}

export interface WorkerProcess {
  readonly worker: Worker;
  readonly pg: PostgresAdapters;
  readonly metrics: WorkerMetrics;
  close(): Promise<void>;
}

export const silent = pino({ level: 'silent' });

function domainUseCases(pg: PostgresAdapters, clock: ManualClock, policy: BookingPolicy) {
  const publisher = new RecordingOutboxPublisher();
  const hasher = new InsecureTestPasswordHasher();
  return {
    publisher,
    registerUser: new RegisterUser(pg.uow, publisher, clock, hasher),
    registerDoctor: new RegisterDoctor(pg.uow, publisher, clock, hasher),
    addSlot: new AddSlot(pg.uow, publisher, clock, { defaultTimeZone: 'UTC' }),
    registerPatient: new RegisterPatient(pg.uow, publisher, clock, defaultBookingLimits),
    book: new BookAppointment(pg.uow, publisher, clock, policy, defaultBookingLimits),
    history: new GetAppointmentHistory(pg.uow, clock),
  };
}

export async function openHarness(
  start = '2026-03-20T12:00:00.000Z',
  policy: BookingPolicy = { horizonWeeks: 2, cutoffMinutes: 0 },
): Promise<Harness> {
  const db: TestDatabase = await createTestDatabase();
  if (db.kind !== 'postgres')
    throw new Error('The worker tests need a PostgreSQL server (DATABASE_URL).');
  const clock = new ManualClock(start);
  const pg = await createPostgresAdapters({ url: db.url, poolSize: 10 }, clock);
  await pg.migrate();
  const search = new InMemoryDoctorSearchIndex();
  const cache = new InMemoryCache(clock);
  const live = new InMemoryLiveChannel();
  const processes = new Set<WorkerProcess>();
  return {
    url: db.url,
    clock,
    policy,
    pg,
    search,
    cache,
    live,
    useCases: domainUseCases(pg, clock, policy),
    worker: async (options = {}) => {
      const own = await createPostgresAdapters({ url: db.url, poolSize: 5 }, clock);
      const lockSql = new PgPoolSqlClient({ url: db.url, poolSize: 3 });
      const index = options.search ?? search;
      const publisher = new RecordingOutboxPublisher();
      const useCases = {
        materializeSittings: new MaterializeSittings(own.uow, publisher, policy),
        closeEndedSittings: new CloseEndedSittings(own.uow, publisher),
        relayOutbox: new RelayOutbox(
          own.outbox,
          own.uow,
          options.cache ?? cache,
          index,
          options.live ?? live,
        ),
        reconcileSearchIndex: new ReconcileSearchIndex(own.uow, index),
      };
      const metrics = new WorkerMetrics();
      const lock: StepLock | undefined =
        options.lock === 'none' ? undefined : new PostgresStepLock(lockSql);
      const worker = new Worker({
        steps: createWorkerSteps(useCases, lockSql, options),
        clock,
        logger: silent,
        intervalSeconds: 60,
        metrics,
        ...(lock && { lock }),
      });
      const process: WorkerProcess = {
        worker,
        pg: own,
        metrics,
        close: async () => {
          processes.delete(process);
          await worker.stop();
          await lockSql.close();
          await own.close();
        },
      };
      processes.add(process);
      return process;
    },
    dispose: async () => {
      for (const p of [...processes]) await p.close();
      await pg.close();
      await db.dispose();
    },
  };
}

/** A doctor (registered through the use case) and their actor. */
export async function addDoctor(
  h: Harness,
  name: string,
): Promise<{ actor: Actor; doctorId: number }> {
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`;
  const view = await h.useCases.registerDoctor.execute({
    name,
    email,
    password: 'password-1',
    description: `Dr ${name}`,
  });
  return { actor: { userId: view.user.id, role: 'user' }, doctorId: view.id };
}

/** A user with one patient. */
export async function addPatient(
  h: Harness,
  name: string,
): Promise<{ actor: Actor; patientId: number }> {
  const user = await h.useCases.registerUser.execute({
    name,
    email: `${name.toLowerCase()}@example.com`,
    password: 'password-1',
  });
  const actor: Actor = { userId: user.id, role: 'user' };
  const patient = await h.useCases.registerPatient.execute(actor, {
    name: `${name} junior`,
    age: 30,
    gender: 'female',
    symptoms: 'cough',
  });
  return { actor, patientId: patient.id };
}

/** Every outbox row, for assertions. */
export async function outboxRows(
  h: Harness,
): Promise<{ id: number; type: string; completed: boolean; parked: boolean; attempts: number }[]> {
  return h.pg.sql.query(
    `SELECT id::int AS id, event->>'type' AS type, completed_at IS NOT NULL AS completed, parked_at IS NOT NULL AS parked, attempts
     FROM outbox ORDER BY id`,
  );
}
