// /readyz on the embedded default while the demo data of a new data folder loads: the server
// answers from the start, readiness says what is still loading, and requests meanwhile are
// served normally (no 500). A real server on a real socket over PGlite in a new folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PasswordHasher } from '@doctorly/core';
import {
  createRuntime,
  demoPassword,
  loadConfig,
  scryptCosts,
  ScryptPasswordHasher,
} from '@doctorly/runtime';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createServer } from '../server.js';
import { Api } from '../test-support/api.js';

const dataDir = mkdtempSync(join(tmpdir(), 'doctorly-readiness-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const demoBasic = Buffer.from(`demo.patient@example.com:${demoPassword}`).toString('base64');

interface Health {
  status: string;
  checks: Record<string, { ok: boolean; detail: string }>;
}

describe('/readyz while the demo data of a new embedded data folder loads', () => {
  it(
    'is 503 with the reason until the demo data is in, then 200',
    { timeout: 240_000 },
    async () => {
      // The demo data waits for this gate before its first password hash: "before" is certain.
      let openGate!: () => void;
      const gate = new Promise<void>((resolve) => (openGate = resolve));
      const scrypt = new ScryptPasswordHasher(scryptCosts.test);
      const gated: PasswordHasher = {
        hash: async (password) => {
          if (password === demoPassword) await gate;
          return scrypt.hash(password);
        },
        verify: (password, hash) => scrypt.verify(password, hash),
      };
      const config = loadConfig({
        DATA_DIR: dataDir,
        PASSWORD_HASH_COST: 'test',
        LOG_LEVEL: 'silent',
      });
      const runtime = await createRuntime(config, {
        logger: pino({ level: 'silent' }),
        configure: (container) => container.rebind(PasswordHasher).toConstantValue(gated),
      });
      const server = createServer(runtime);
      try {
        const { port } = await server.listen(0, '127.0.0.1');
        const api = new Api(`http://127.0.0.1:${port}`);

        expect((await api.get('/healthz')).status).toBe(200);
        const loading = await api.get<Health>('/readyz');
        expect(loading.status).toBe(503);
        expect(loading.body.status).toBe('unavailable');
        expect(loading.body.checks.postgres?.ok).toBe(true);
        expect(loading.body.checks.startup).toEqual({
          ok: false,
          detail: 'loading the demo data into a new data folder',
        });

        // Served meanwhile: a new account, its login and a read (no demo doctor yet); the demo
        // patient does not exist yet, which is a 401, not an error.
        const account = {
          name: 'Early Bird',
          email: 'early@example.com',
          password: 'early bird password',
        };
        expect((await api.post('/users/register', account)).status).toBe(201);
        const token = await api.login(account.email, account.password);
        const doctors = await api.get<unknown[]>('/doctors/all', token);
        expect(doctors.status).toBe(200);
        expect(doctors.body).toEqual([]);
        const early = await api.request('POST', '/auth/get_token', {
          headers: { authorization: `Basic ${demoBasic}` },
        });
        expect(early.status).toBe(401);

        openGate();
        await runtime.whenLoaded();
        const ready = await api.get<Health>('/readyz');
        expect(ready.status).toBe(200);
        expect(ready.body.status).toBe('ok');
        expect(ready.body.checks.startup).toEqual({ ok: true, detail: 'done' });
        expect(await api.login('demo.patient@example.com', demoPassword)).toEqual(
          expect.any(String),
        );
        expect((await api.get<unknown[]>('/doctors/all', token)).body).toHaveLength(12);
      } finally {
        openGate();
        await server.close();
        await runtime.close();
      }
    },
  );
});
