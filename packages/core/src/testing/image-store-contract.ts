import { describe, expect, it } from 'vitest';
import type { ImageStore } from '../shared/image-store.js';
import { suiteSubject, type ContractSubject } from './contract-support.js';

/** What {@link describeImageStoreContract} runs against. @category Testing */
export interface ImageStoreSubject extends ContractSubject {
  readonly store: ImageStore;
}

/**
 * The contract of the {@link ImageStore} port: fresh public paths per folder, bytes and type
 * read back, unknown or hostile paths answer `undefined`. `makeSubject` is called once.
 * @category Testing
 */
export function describeImageStoreContract(
  name: string,
  makeSubject: () => Promise<ImageStoreSubject>,
): void {
  describe(`ImageStore contract: ${name}`, () => {
    const subject = suiteSubject(makeSubject);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7]);

    it('saves under a fresh public path of the folder and reads the image back', async () => {
      const { store } = subject();
      const first = await store.save('doctors', { bytes: png, contentType: 'image/png' });
      const second = await store.save('doctors', { bytes: png, contentType: 'image/png' });
      const third = await store.save('specializations', { bytes: jpeg, contentType: 'image/jpeg' });
      expect(first).toMatch(/^\/static\/doctors\/[^/]+$/);
      expect(third).toMatch(/^\/static\/specializations\/[^/]+$/);
      expect(second).not.toBe(first);
      const read = await store.read(first);
      expect(read?.contentType).toBe('image/png');
      expect([...read!.bytes]).toEqual([...png]);
      expect(await store.read(third)).toMatchObject({ contentType: 'image/jpeg' });
    });

    it('answers undefined for unknown and hostile paths, without throwing', async () => {
      const { store } = subject();
      for (const path of [
        '/static/doctors/missing.png',
        '/static/../../etc/passwd',
        '../../etc/passwd',
        '',
        '/',
        '/static/doctors/',
        '\0',
        '/static/doctors/%2e%2e%2fsecret',
      ]) {
        expect(await store.read(path)).toBeUndefined();
      }
    });

    it('keeps its own copy of the bytes', async () => {
      const { store } = subject();
      const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 5, 5]);
      const path = await store.save('doctors', { bytes, contentType: 'image/png' });
      bytes[5] = 0;
      expect([...(await store.read(path))!.bytes]).toEqual([0x89, 0x50, 0x4e, 0x47, 5, 5]);
    });
  });
}
