import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImageStore, PasswordHasher } from '@doctorly/core';
import {
  InMemoryImageStore,
  InsecureTestPasswordHasher,
  ManualClock,
} from '@doctorly/core/testing';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';
import { createRuntime, type CreateRuntimeOptions, type Runtime } from './runtime.js';
import { useCaseIdentifier } from './use-cases.js';

const png = { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), contentType: 'image/png' } as const;
const opened: { runtime: Runtime; dataDir: string }[] = [];

async function open(options: Pick<CreateRuntimeOptions, 'configure'> = {}): Promise<Runtime> {
  const dataDir = mkdtempSync(join(tmpdir(), 'doctorly-configure-'));
  const config = loadConfig({ DATA_DIR: dataDir, PASSWORD_HASH_COST: 'test', LOG_LEVEL: 'silent' });
  const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
  const runtime = await createRuntime(config, {
    adapters: 'memory',
    clock,
    logger: pino({ level: 'silent' }),
    ...options,
  });
  opened.push({ runtime, dataDir });
  return runtime;
}

afterEach(async () => {
  for (const { runtime, dataDir } of opened.splice(0)) {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

async function uploadDoctorImage(runtime: Runtime): Promise<string> {
  const { useCases } = runtime;
  const doctor = await useCases.registerDoctor.execute({
    name: 'Ayesha Khan',
    email: 'ayesha@example.com',
    password: 'password1',
  });
  const view = await useCases.setDoctorImage.execute({ userId: doctor.user.id, role: 'user' }, png);
  return view.image ?? '';
}

describe('createRuntime({ configure })', () => {
  it('gives the use cases the port rebound in configure', async () => {
    const images = new InMemoryImageStore();
    const runtime = await open({
      configure: (container) => container.rebind(ImageStore).toConstantValue(images),
    });
    const path = await uploadDoctorImage(runtime);
    expect(await images.read(new URL(path, 'http://host').pathname)).toBeDefined();
  });

  it('serves the rebound adapter as the runtime port too', async () => {
    const hasher = new InsecureTestPasswordHasher();
    const runtime = await open({
      configure: (container) => container.rebind(PasswordHasher).toConstantValue(hasher),
    });
    expect(runtime.ports.passwordHasher).toBe(hasher);
  });

  it('refuses a rebind once the runtime is composed', async () => {
    const runtime = await open();
    expect(() =>
      runtime.container.rebind(ImageStore).toConstantValue(new InMemoryImageStore()),
    ).toThrow(/configure/);
  });

  it('refuses loading a module once the runtime is composed', async () => {
    const runtime = await open();
    expect(() => runtime.container.load()).toThrow(/configure/);
  });

  it('builds an adapter only when a use case that needs it is first used', async () => {
    let built = 0;
    const runtime = await open({
      configure: (container) =>
        container
          .rebind(ImageStore)
          .toDynamicValue(() => ((built += 1), new InMemoryImageStore()))
          .inSingletonScope(),
    });
    expect(built).toBe(0); // starting up (migrate, seed the catalog) needs no image store
    await uploadDoctorImage(runtime);
    expect(built).toBe(1);
  });

  it('resolves a use case to one instance, by name and by identifier', async () => {
    const runtime = await open();
    const first = runtime.useCases.rateDoctor;
    expect(runtime.useCases.rateDoctor).toBe(first);
    expect(runtime.container.get(useCaseIdentifier('rateDoctor'))).toBe(first);
  });
});
