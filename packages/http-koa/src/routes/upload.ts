import { DomainError, type StoredImage } from '@doctorly/core';
import { prepareImage } from '../uploads/image.js';
import type { RouteInput } from './route.js';

/** The multipart field that carries the picture, as in the seed. */
export const imageField = 'image';

/** The checked, resized picture of an upload route; `VALIDATION_FAILED` when the field is missing. */
export async function uploadedImage(input: Pick<RouteInput<'bearer'>, 'uploads'>): Promise<StoredImage> {
  const file = input.uploads.find((upload) => upload.field === imageField);
  if (!file) {
    throw new DomainError('VALIDATION_FAILED', 'The request is not valid.', [
      { path: imageField, message: 'Expected a file in the multipart field "image".' },
    ]);
  }
  return prepareImage(file.bytes);
}
