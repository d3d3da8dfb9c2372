import { DomainError, type ImageContentType, type StoredImage } from '@doctorly/core';
import type { Sharp, SharpOptions } from 'sharp';

/** The seed's box: pictures are shrunk to fit 500×375, keeping their aspect, never enlarged. */
export const imageBox = { width: 500, height: 375 } as const;

/** Refuse decompression bombs: a 5 MB file can claim billions of pixels. */
const maxInputPixels = 50_000_000;

/** The three accepted formats, recognised by their first bytes (never by name or declared type). */
function sniff(bytes: Uint8Array): ImageContentType | undefined {
  const starts = (...signature: number[]): boolean => signature.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  // RIFF....WEBP
  if (
    starts(0x52, 0x49, 0x46, 0x46) &&
    bytes[8] === 0x57 &&
    bytes[9] === 0x45 &&
    bytes[10] === 0x42 &&
    bytes[11] === 0x50
  )
    return 'image/webp';
  return undefined;
}

type SharpFactory = (input: Uint8Array, options: SharpOptions) => Sharp;
let loadingSharp: Promise<SharpFactory> | undefined;

/** sharp (libvips, ~20 MB resident) is loaded on the first upload, not by every server at start. */
function loadSharp(): Promise<SharpFactory> {
  return (loadingSharp ??= import('sharp').then((module) => module.default));
}

const formatOf = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/webp': 'webp' } as const;

/**
 * Checks that `bytes` are a real PNG, JPEG or WebP image (magic bytes, then sharp decoding
 * it) and shrinks it to fit {@link imageBox}, in the same format, without metadata.
 * @throws DomainError `UNSUPPORTED_IMAGE` for anything else, including a corrupt image.
 * @category Adapters
 */
export async function prepareImage(bytes: Uint8Array): Promise<StoredImage> {
  const contentType = sniff(bytes);
  if (!contentType)
    throw new DomainError('UNSUPPORTED_IMAGE', 'The upload is not a PNG, JPEG or WebP image.');
  const sharp = await loadSharp();
  try {
    const image = sharp(bytes, { limitInputPixels: maxInputPixels, failOn: 'error' });
    const metadata = await image.metadata();
    if (metadata.format !== formatOf[contentType])
      throw new Error(`content is ${metadata.format}, not ${formatOf[contentType]}`);
    const output = await image
      .rotate() // apply the EXIF orientation before the metadata is dropped
      .resize({
        width: imageBox.width,
        height: imageBox.height,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .toFormat(formatOf[contentType])
      .toBuffer();
    return { bytes: new Uint8Array(output), contentType };
  } catch {
    // A corrupt or disguised file: the decoder's message says nothing useful to a client.
    throw new DomainError(
      'UNSUPPORTED_IMAGE',
      `The upload is not a readable ${formatOf[contentType].toUpperCase()} image.`,
    );
  }
}
