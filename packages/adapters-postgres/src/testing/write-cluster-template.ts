// Writes the empty PGlite cluster new embedded data folders start from
// (packages/adapters-postgres/pglite-template, see src/sql/pglite-cluster-template.ts):
// `npx tsx packages/adapters-postgres/src/testing/write-cluster-template.ts`, after every
// upgrade of @electric-sql/pglite.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import {
  clusterTemplate,
  installedPGliteVersion,
  type ClusterTemplateManifest,
} from '../sql/pglite-cluster-template.js';

const db = await PGlite.create({ dataDir: 'memory://' });
const tar = Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer());
await db.close();
const archive = brotliCompressSync(tar, {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 11,
    [constants.BROTLI_PARAM_LGWIN]: 24,
    [constants.BROTLI_PARAM_SIZE_HINT]: tar.length,
  },
});
mkdirSync(dirname(clusterTemplate.archive), { recursive: true });
writeFileSync(clusterTemplate.archive, archive);
const manifest: ClusterTemplateManifest = { pglite: installedPGliteVersion() };
writeFileSync(clusterTemplate.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`wrote ${clusterTemplate.archive}: ${archive.length} bytes (tar ${tar.length})`);
