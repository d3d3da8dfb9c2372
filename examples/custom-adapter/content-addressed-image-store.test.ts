import { describeImageStoreContract } from '@doctorly/core/testing';
import { describe, expect, it } from 'vitest';
import { ContentAddressedImageStore } from './content-addressed-image-store.js';

// The host's adapter passes the same suite as every adapter Doctorly ships.
describeImageStoreContract('ContentAddressedImageStore (a host-written adapter)', () =>
  Promise.resolve({ store: new ContentAddressedImageStore() }),
);

describe('ContentAddressedImageStore, beyond the contract', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 42]);

  it('keeps identical uploads once, under paths of their own', async () => {
    const store = new ContentAddressedImageStore();
    const first = await store.save('doctors', { bytes: png, contentType: 'image/png' });
    const second = await store.save('specializations', { bytes: png, contentType: 'image/png' });
    expect(second).not.toBe(first);
    expect(store.distinctImages).toBe(1);
    expect([...(await store.read(second))!.bytes]).toEqual([...png]);
  });

  it('keeps different content apart, the same bytes of another type too', async () => {
    const store = new ContentAddressedImageStore();
    await store.save('doctors', { bytes: png, contentType: 'image/png' });
    await store.save('doctors', { bytes: png.slice(0, 8), contentType: 'image/png' });
    await store.save('doctors', { bytes: png, contentType: 'image/webp' });
    expect(store.distinctImages).toBe(3);
  });
});
