import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Clock, DoctorSearchIndex } from '@doctorly/core';
import type { Logger } from 'pino';
import { loadDemoData, type DemoUseCases } from './demo-data.js';
import type { UseCases } from './use-cases.js';

/** What the start-up sequence needs. */
export interface StartUpContext {
  readonly logger: Logger;
  /** Brings the database schema up to date. */
  readonly migrate: () => Promise<void>;
  readonly search: DoctorSearchIndex;
  readonly useCases: UseCases;
  readonly clock: Clock;
}

/**
 * Brings a runtime to a usable state, in order: schema migrations, the catalog seed
 * (idempotent), the search index and, when search runs on Redis, a reconciliation so that
 * the index matches PostgreSQL from the start. The demo set is not part of it: see
 * {@link loadDemoInBackground}.
 */
export async function startUp({
  logger,
  migrate,
  search,
  useCases,
  clock,
}: StartUpContext): Promise<void> {
  await migrate();
  const seeded = await useCases.seedCatalog.execute();
  logger.info({ catalog: seeded }, 'catalog seeded');
  await search.prepare();
  if (search.engine === 'redis') {
    const reconciled = await useCases.reconcileSearchIndex.execute(clock.now());
    logger.info({ reconciled }, 'search index reconciled with PostgreSQL');
  }
}

/** Background start-up work in progress, as readiness reports it. @category Composition */
export interface BackgroundLoad {
  /** Why the runtime is not ready yet; `undefined` once done (or failed: see the log). */
  pending(): string | undefined;
  /** Settles when the work is over, with whether it all succeeded; never rejects (a failure is logged). */
  readonly done: Promise<boolean>;
}

/**
 * Loads the demo set of a new embedded data folder after the runtime is up, so that the
 * server answers within its start-up budget: the demo accounts' password hashes are the
 * slow part. Every request meanwhile is served normally (the use cases serialize on
 * PGlite's one connection); readiness says the demo data is still loading. A failure is
 * logged and ends the loading: the database is sound, only the demo set is incomplete.
 */
export function loadDemoInBackground(useCases: DemoUseCases, logger: Logger): BackgroundLoad {
  let pending: string | undefined = 'loading the demo data into a new data folder';
  // Begun after a turn of the event loop: the caller (the server's listen) goes first.
  const done = nextTurn()
    .then(() => loadDemoData(useCases, logger))
    .then(
      (demo) => {
        pending = undefined;
        logger.info(
          { demo },
          'new data folder: demo data loaded (set DEMO_DATA=false to start empty)',
        );
        return true;
      },
      (error: unknown) => {
        pending = undefined;
        logger.error({ err: error }, 'demo data failed to load: the demo set is incomplete');
        return false;
      },
    );
  return { pending: () => pending, done };
}
