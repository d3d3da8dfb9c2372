import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { ImageContentType, ImageStore, StoredImage } from '@doctorly/core';

/** Folders an image can be saved in (the port's `folder` argument). */
const folders = ['doctors', 'specializations'] as const;
type Folder = (typeof folders)[number];

const extensionOf: Record<ImageContentType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};
const typeOf: Record<string, ImageContentType> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

/** The only public paths there are: `/static/<folder>/<name>.<ext>` with a plain file name. */
const publicPath =
  /^\/static\/(doctors|specializations)\/([A-Za-z0-9_-]{1,100})\.(png|jpe?g|webp)$/;

/**
 * Keeps images on disk under `root/<folder>/<random>.<ext>` and names them by the public path
 * `/static/<folder>/<file>`. `read` accepts only such paths and, as a second line of
 * defence, refuses anything that resolves outside `root` (path traversal).
 * @category Adapters
 */
export class FileSystemImageStore implements ImageStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async save(folder: Folder, image: StoredImage): Promise<string> {
    if (!folders.includes(folder)) throw new Error(`Unknown image folder ${String(folder)}.`);
    const extension = extensionOf[image.contentType];
    if (!extension) throw new Error(`Unsupported image type ${String(image.contentType)}.`);
    const file = `${randomBytes(16).toString('hex')}.${extension}`;
    await mkdir(join(this.root, folder), { recursive: true });
    // `wx`: a name is never reused, so an image once served never changes under its URL.
    await writeFile(join(this.root, folder, file), image.bytes, { flag: 'wx' });
    return `/static/${folder}/${file}`;
  }

  async read(path: string): Promise<StoredImage | undefined> {
    const match = typeof path === 'string' ? publicPath.exec(path) : null;
    if (!match) return undefined;
    const [, folder = '', name = '', extension = ''] = match;
    const file = resolve(this.root, folder, `${name}.${extension}`);
    if (!file.startsWith(this.root + sep)) return undefined;
    const contentType = typeOf[extension];
    if (!contentType) return undefined;
    try {
      return { bytes: new Uint8Array(await readFile(file)), contentType };
    } catch {
      return undefined;
    }
  }
}
