import type { Clock, DoctorSearchIndex } from '@doctorly/core';
import type { Logger } from 'pino';
import { loadDemoData } from './demo-data.js';
import type { UseCases } from './use-cases.js';

/** What the start-up sequence needs. */
export interface StartUpContext {
  readonly logger: Logger;
  /** Brings the database schema up to date. */
  readonly migrate: () => Promise<void>;
  readonly search: DoctorSearchIndex;
  readonly useCases: UseCases;
  readonly clock: Clock;
  /** Load the demo set: a new embedded data folder with `DEMO_DATA` not `false`. */
  readonly loadDemo: boolean;
}

/**
 * Brings a runtime to a usable state, in order: schema migrations, the catalog seed
 * (idempotent), the search index, the demo set on a new embedded folder, and, when search
 * runs on Redis, a reconciliation so that the index matches PostgreSQL from the start.
 */
export async function startUp({
  logger,
  migrate,
  search,
  useCases,
  clock,
  loadDemo,
}: StartUpContext): Promise<void> {
  await migrate();
  const seeded = await useCases.seedCatalog.execute();
  logger.info({ catalog: seeded }, 'catalog seeded');
  await search.prepare();
  if (loadDemo) {
    const demo = await loadDemoData(useCases, logger);
    logger.info({ demo }, 'new data folder: demo data loaded (set DEMO_DATA=false to start empty)');
  }
  if (search.engine === 'redis') {
    const reconciled = await useCases.reconcileSearchIndex.execute(clock.now());
    logger.info({ reconciled }, 'search index reconciled with PostgreSQL');
  }
}
