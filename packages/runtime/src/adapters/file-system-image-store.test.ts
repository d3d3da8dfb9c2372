import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileSystemImageStore } from './file-system-image-store.js';

const base = mkdtempSync(join(tmpdir(), 'doctorly-images-'));
const root = join(base, 'images');
const store = new FileSystemImageStore(root);
afterAll(() => rmSync(base, { recursive: true, force: true }));

const png = {
  bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
  contentType: 'image/png' as const,
};

describe('FileSystemImageStore', () => {
  it('saves under a fresh name in the folder and reads it back by its public path', async () => {
    const path = await store.save('doctors', png);
    expect(path).toMatch(/^\/static\/doctors\/[0-9a-f]{32}\.png$/);
    expect(await store.read(path)).toEqual(png);
    const again = await store.save('doctors', png);
    expect(again).not.toBe(path);
  });

  it('names files by content type', async () => {
    const jpeg = await store.save('specializations', {
      bytes: new Uint8Array([1]),
      contentType: 'image/jpeg',
    });
    const webp = await store.save('specializations', {
      bytes: new Uint8Array([2]),
      contentType: 'image/webp',
    });
    expect(jpeg).toMatch(/^\/static\/specializations\/\w+\.jpg$/);
    expect(webp).toMatch(/\.webp$/);
    expect(await store.read(jpeg)).toEqual({
      bytes: new Uint8Array([1]),
      contentType: 'image/jpeg',
    });
  });

  it('answers undefined for a path that was never saved', async () => {
    expect(
      await store.read('/static/doctors/0123456789abcdef0123456789abcdef.png'),
    ).toBeUndefined();
  });

  it('never reads outside the store', async () => {
    writeFileSync(join(base, 'secret.png'), 'outside');
    mkdirSync(join(root, 'doctors'), { recursive: true });
    for (const path of [
      '/static/doctors/../../secret.png',
      '/static/../secret.png',
      '/static/doctors/..%2F..%2Fsecret.png',
      '/static/other/secret.png',
      join(base, 'secret.png'),
      '/static/doctors/.png',
      'static/doctors/a.png',
      '/static/doctors/a.png/../../../secret.png',
      '/static/doctors/a.txt',
      '/static/doctors\\..\\..\\secret.png',
    ]) {
      expect(await store.read(path), path).toBeUndefined();
    }
  });
});
