// A host's own adapter in the whole Doctorly runtime: createRuntime's `configure` hook rebinds
// the ImageStore port before anything is resolved, so every use case that stores pictures
// uses the host's store. Run: npx tsx --conditions=@doctorly/source main.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImageStore } from '@doctorly/core';
import { createRuntime, loadConfig } from '@doctorly/runtime';
import { ContentAddressedImageStore } from './content-addressed-image-store.js';

const dataDir = mkdtempSync(join(tmpdir(), 'doctorly-custom-adapter-'));
const images = new ContentAddressedImageStore();
// In memory so the example needs no database; the hook works the same on PostgreSQL.
const config = loadConfig({ DATA_DIR: dataDir, PASSWORD_HASH_COST: 'test', LOG_LEVEL: 'silent' });
const runtime = await createRuntime(config, {
  adapters: 'memory',
  configure: (container) => container.rebind(ImageStore).toConstantValue(images),
});

try {
  // The same practice logo, uploaded by two doctors: stored once, under two public paths.
  const logo = {
    bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7]),
    contentType: 'image/png',
  } as const;
  for (const name of ['Ayesha Khan', 'Omar Siddiqui']) {
    const email = `${name.split(' ')[0]!.toLowerCase()}@example.com`;
    const doctor = await runtime.useCases.registerDoctor.execute({
      name,
      email,
      password: 'password1',
    });
    const view = await runtime.useCases.setDoctorImage.execute(
      { userId: doctor.user.id, role: 'user' },
      logo,
    );
    console.log(`Picture of ${name}: ${view.image}`);
  }
  console.log(`Distinct images stored: ${images.distinctImages}`);
} finally {
  await runtime.close();
  rmSync(dataDir, { recursive: true, force: true });
}
