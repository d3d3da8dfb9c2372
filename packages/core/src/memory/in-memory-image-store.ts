import type { ImageContentType, ImageStore, StoredImage } from '../shared/image-store.js';

const extensions: Record<ImageContentType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

/** {@link ImageStore} in memory: paths `/static/<folder>/<n>.<ext>`, bytes copied in and out. @category Testing */
export class InMemoryImageStore implements ImageStore {
  private readonly images = new Map<string, StoredImage>();
  private saved = 0;

  save(folder: 'doctors' | 'specializations', image: StoredImage): Promise<string> {
    this.saved += 1;
    const path = `/static/${folder}/image-${this.saved}.${extensions[image.contentType]}`;
    this.images.set(path, { bytes: new Uint8Array(image.bytes), contentType: image.contentType });
    return Promise.resolve(path);
  }

  read(path: string): Promise<StoredImage | undefined> {
    const image = this.images.get(path);
    return Promise.resolve(
      image && { bytes: new Uint8Array(image.bytes), contentType: image.contentType },
    );
  }
}
