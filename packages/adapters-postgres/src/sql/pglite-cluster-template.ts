import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';

/**
 * A new PGlite folder starts from a copy of an empty cluster made once by PGlite's own
 * initdb (`npx tsx packages/adapters-postgres/src/testing/write-cluster-template.ts` writes
 * it; a test fails when the installed PGlite is not the one that made it), instead of running initdb on the spot: PGlite
 * runs it in two more WebAssembly instances, which took 5–6 s and peaked at 770 MB RSS when
 * measured, against under a second and no extra memory for the copy. Used only when it was
 * made by the PGlite version installed; otherwise PGlite's initdb runs as before.
 */
const templateDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../pglite-template');

/** The template archive (a tar of PGlite's `dumpDataDir`, brotli-compressed) and what made it. */
export const clusterTemplate = {
  archive: join(templateDir, 'cluster.tar.br'),
  manifest: join(templateDir, 'cluster.json'),
} as const;

/** What {@link clusterTemplate}'s manifest records. */
export interface ClusterTemplateManifest {
  /** The `@electric-sql/pglite` version whose initdb made the cluster. */
  readonly pglite: string;
}

/** The installed `@electric-sql/pglite` version. */
export function installedPGliteVersion(): string {
  const require = createRequire(import.meta.url);
  // The package's exports do not list package.json: find it from the main entry.
  let dir = dirname(require.resolve('@electric-sql/pglite'));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string })
    .version;
}

/** Whether the template exists and was made by the installed PGlite. */
export function clusterTemplateUsable(): boolean {
  if (!existsSync(clusterTemplate.archive) || !existsSync(clusterTemplate.manifest)) return false;
  const manifest = JSON.parse(
    readFileSync(clusterTemplate.manifest, 'utf8'),
  ) as ClusterTemplateManifest;
  return manifest.pglite === installedPGliteVersion();
}

/**
 * Fills `dataDir` with the empty cluster of the template when `dataDir` holds no cluster yet
 * and the template is usable; returns whether it did. Extracts into a sibling folder and
 * renames it into place, so that an interrupted copy never leaves a half cluster behind.
 */
export async function createClusterFromTemplate(dataDir: string): Promise<boolean> {
  if (existsSync(join(dataDir, 'PG_VERSION')) || !clusterTemplateUsable()) return false;
  if (existsSync(dataDir)) return false; // a folder of something else: leave it to PGlite
  const partial = `${dataDir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    await extractTar(
      createReadStream(clusterTemplate.archive).pipe(createBrotliDecompress()),
      partial,
    );
    renameSync(partial, dataDir);
    return true;
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

const block = 512;

/** Extracts the directories and regular files of a ustar stream (what PGlite's dump holds) under `root`. */
async function extractTar(stream: AsyncIterable<Buffer>, root: string): Promise<void> {
  let pending: Buffer = Buffer.alloc(0);
  /** The file being written: its descriptor and the bytes of it still to come (then padding). */
  let file: { fd: number | undefined; left: number; padding: number } | undefined;
  for await (const chunk of stream) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    for (;;) {
      if (file) {
        const take = Math.min(file.left, pending.length);
        if (take > 0 && file.fd !== undefined) writeSync(file.fd, pending, 0, take);
        file.left -= take;
        pending = pending.subarray(take);
        if (file.left > 0) break;
        if (pending.length < file.padding) break;
        pending = pending.subarray(file.padding);
        if (file.fd !== undefined) closeSync(file.fd);
        file = undefined;
        continue;
      }
      if (pending.length < block) break;
      const header = pending.subarray(0, block);
      pending = pending.subarray(block);
      if (header.every((byte) => byte === 0)) continue; // the end-of-archive blocks
      const name = field(header, 345, 155)
        ? `${field(header, 345, 155)}/${field(header, 0, 100)}`
        : field(header, 0, 100);
      const size = parseInt(field(header, 124, 12) || '0', 8);
      const mode = parseInt(field(header, 100, 8) || '600', 8);
      const type = String.fromCharCode(header[156] ?? 0);
      const target = resolve(root, `.${sep}${name.replace(/^\/+/, '')}`);
      if (!target.startsWith(resolve(root)))
        throw new Error(`template entry outside the folder: ${name}`);
      if (type === '5') {
        mkdirSync(target, { recursive: true, mode });
        continue;
      }
      const regular = type === '0' || type === '\0';
      if (regular) mkdirSync(dirname(target), { recursive: true });
      file = {
        fd: regular ? openSync(target, 'w', mode) : undefined,
        left: size,
        padding: (block - (size % block)) % block,
      };
    }
  }
  if (file) throw new Error('the template archive ends inside a file');
}

function field(header: Buffer, offset: number, length: number): string {
  const raw = header.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw
    .subarray(0, end === -1 ? length : end)
    .toString('utf8')
    .trim();
}
