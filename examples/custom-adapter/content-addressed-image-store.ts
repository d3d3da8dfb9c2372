import { createHash, randomUUID } from 'node:crypto';
import type { ImageContentType, ImageStore, StoredImage } from '@doctorly/core';

type Folder = 'doctors' | 'specializations';

const extensions: Record<ImageContentType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

/** The only paths this store ever hands out; anything else is refused before a lookup. */
const publicPath = /^\/static\/(doctors|specializations)\/[0-9a-f-]{36}\.(png|jpg|webp)$/;

/**
 * An {@link ImageStore} written by a host, not by Doctorly: it keeps each distinct image
 * once, under the SHA-256 of its bytes, however many times it is uploaded. Every save still
 * gets a fresh public path (the port's contract: a path names one upload, so replacing a
 * picture never changes another one's URL); paths point at the shared content.
 */
export class ContentAddressedImageStore implements ImageStore {
  /** Content by its SHA-256 (hex). */
  private readonly blobs = new Map<string, StoredImage>();
  /** Public path → SHA-256 of its content. */
  private readonly paths = new Map<string, string>();

  save(folder: Folder, image: StoredImage): Promise<string> {
    const digest = createHash('sha256').update(image.bytes).update(image.contentType).digest('hex');
    // A copy: the caller may reuse its buffer after `save` returns.
    if (!this.blobs.has(digest))
      this.blobs.set(digest, {
        bytes: new Uint8Array(image.bytes),
        contentType: image.contentType,
      });
    const path = `/static/${folder}/${randomUUID()}.${extensions[image.contentType]}`;
    this.paths.set(path, digest);
    return Promise.resolve(path);
  }

  read(path: string): Promise<StoredImage | undefined> {
    const digest = publicPath.test(path) ? this.paths.get(path) : undefined;
    const blob = digest === undefined ? undefined : this.blobs.get(digest);
    return Promise.resolve(
      blob && { bytes: new Uint8Array(blob.bytes), contentType: blob.contentType },
    );
  }

  /** How many distinct images are stored: the saving that content addressing buys. */
  get distinctImages(): number {
    return this.blobs.size;
  }
}
