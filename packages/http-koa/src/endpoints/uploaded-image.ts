import { DomainError, type StoredImage } from '@doctorly/core';
import type { UploadedFile } from '../http/body.js';
import { prepareImage } from '../uploads/image.js';

/**
 * The checked, resized picture of an image endpoint, from the multipart field the endpoint
 * names; `VALIDATION_FAILED` when the field is missing.
 */
export async function uploadedImage(
  uploads: readonly UploadedFile[],
  field: string,
): Promise<StoredImage> {
  const file = uploads.find((upload) => upload.field === field);
  if (!file) {
    throw new DomainError('VALIDATION_FAILED', 'The request is not valid.', [
      { path: field, message: `Expected a file in the multipart field "${field}".` },
    ]);
  }
  return prepareImage(file.bytes);
}
