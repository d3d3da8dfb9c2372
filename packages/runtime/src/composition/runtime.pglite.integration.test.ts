import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';
import { demoEmail, demoPassword } from './demo-data.js';
import { createRuntime } from './runtime.js';

// The embedded default: no DATABASE_URL, no REDIS_URL, PGlite in DATA_DIR/pglite.
const dataDir = mkdtempSync(join(tmpdir(), 'doctorly-embedded-'));
const logger = pino({ level: 'silent' });
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
// Creating a PGlite folder (initdb) takes seconds, many more on a busy machine.
const slow = { timeout: 240_000 };

function embeddedConfig(folder: string, extra: Record<string, string> = {}) {
  return loadConfig({
    DATA_DIR: folder,
    PASSWORD_HASH_COST: 'test',
    LOG_LEVEL: 'silent',
    ...extra,
  });
}

describe('createRuntime on the embedded default (PGlite)', () => {
  it(
    'migrates, seeds the catalog and loads the demo set into a new data folder after it is up',
    slow,
    async () => {
      const runtime = await createRuntime(embeddedConfig(dataDir), { logger });
      try {
        // Up before the demo set: the database answers, readiness says what is still loading.
        expect(await runtime.health()).toEqual({
          postgres: 'up',
          redis: 'disabled',
          search: 'postgres',
          loading: 'loading the demo data into a new data folder',
        });
        await runtime.whenLoaded();
        expect((await runtime.health()).loading).toBeUndefined();
        expect(runtime.database).toBe('pglite');
        expect(existsSync(join(dataDir, 'pglite'))).toBe(true);
        expect(existsSync(join(dataDir, 'jwt-secret'))).toBe(true);
        const { useCases } = runtime;
        expect(await useCases.listSpecializations.execute()).toHaveLength(36);
        expect(await useCases.listQualifications.execute()).toHaveLength(9);
        const doctors = await useCases.listDoctors.execute({ limit: 100 });
        expect(doctors.total).toBe(12);
        const days = new Set(doctors.items.flatMap((d) => d.slot.map((s) => s.day)));
        expect(days.size).toBe(7);
        expect(
          doctors.items.every(
            (d) => d.specializations.length > 0 && d.qualifications.qualification_name.length > 0,
          ),
        ).toBe(true);
        const cardiologists = await useCases.searchDoctors.execute({
          specialization: 'cardiologist',
        });
        expect(cardiologists.items.map((d) => d.user.name)).toEqual(['Ayesha Khan']);
        const timings = await useCases.getTimings.execute({ id: cardiologists.items[0]!.id });
        expect(timings.length).toBe(2);
        const { token } = await useCases.issueToken.execute({
          email: demoEmail('Demo Patient'),
          password: demoPassword,
        });
        const actor = await useCases.authenticate.execute(token);
        expect((await useCases.listPatients.execute(actor, {})).total).toBe(2);
        expect(await runtime.health()).toEqual({
          postgres: 'up',
          redis: 'disabled',
          search: 'postgres',
        });
      } finally {
        await runtime.close();
      }
    },
  );

  it(
    'does not load the demo set again into an existing folder, and keeps the data',
    slow,
    async () => {
      const runtime = await createRuntime(embeddedConfig(dataDir), { logger });
      try {
        expect(await runtime.health()).not.toHaveProperty('loading');
        expect((await runtime.useCases.listDoctors.execute({ limit: 100 })).total).toBe(12);
        expect(await runtime.useCases.listSpecializations.execute()).toHaveLength(36);
      } finally {
        await runtime.close();
      }
    },
  );

  it(
    'starts empty with DEMO_DATA=false; close() is idempotent and stops background ticks',
    slow,
    async () => {
      const folder = mkdtempSync(join(tmpdir(), 'doctorly-empty-'));
      const runtime = await createRuntime(embeddedConfig(folder, { DEMO_DATA: 'false' }), {
        logger,
      });
      try {
        expect((await runtime.useCases.listDoctors.execute({})).total).toBe(0);
        expect(await runtime.useCases.listQualifications.execute()).toHaveLength(9);
        runtime.startTicking(10);
        await new Promise((resolve) => setTimeout(resolve, 100));
      } finally {
        await Promise.all([runtime.close(), runtime.close()]);
      }
      expect(await runtime.health()).toMatchObject({ postgres: 'down' });
      // The database was released: the folder opens again.
      const again = await createRuntime(embeddedConfig(folder, { DEMO_DATA: 'false' }), { logger });
      await again.close();
      rmSync(folder, { recursive: true, force: true });
    },
  );
});
