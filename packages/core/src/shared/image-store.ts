import type { ServiceToken } from './service-token.js';
/** Image formats accepted for upload, recognised by content. @category Ports */
export type ImageContentType = 'image/png' | 'image/jpeg' | 'image/webp';

/** An image already checked and resized by the host. @category Ports */
export interface StoredImage {
  readonly bytes: Uint8Array;
  readonly contentType: ImageContentType;
}

/**
 * Keeps uploaded images (filesystem, object storage …) and hands back their public path.
 * @category Ports
 */
export interface ImageStore {
  /** Stores `image` under a fresh name in `folder`; returns its public path (`/static/doctors/….jpg`). */
  save(folder: 'doctors' | 'specializations', image: StoredImage): Promise<string>;
  /** The image at a public path returned by `save`, or `undefined`. Never reads outside the store. */
  read(path: string): Promise<StoredImage | undefined>;
}
/** Injection token of {@link ImageStore}. @category Ports */
export const ImageStore: ServiceToken<ImageStore> = Symbol.for('doctorly.ImageStore');
