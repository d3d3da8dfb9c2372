import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clock, ImageStore, PasswordHasher } from '@doctorly/core';
import { ManualClock } from '@doctorly/core/testing';
import { Container } from 'inversify';
import { afterAll, describe, expect, it } from 'vitest';
import { scryptCosts, ScryptPasswordHasher } from '../adapters/index.js';
import { nodeModule } from './node-module.js';

const folder = mkdtempSync(join(tmpdir(), 'doctorly-node-module-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function containerWith(clock?: Clock): Container {
  const container = new Container();
  const config = {
    imageDir: join(folder, 'images'),
    scrypt: scryptCosts.test,
    jwtSecret: 'x'.repeat(32),
    tokenTtlSeconds: 60,
  };
  container.load(nodeModule(clock ? { ...config, clock } : config));
  return container;
}

describe('nodeModule', () => {
  it('binds the clock it is given', () => {
    const clock = new ManualClock();
    expect(containerWith(clock).get(Clock)).toBe(clock);
  });

  it('binds scrypt as the password hasher, one instance', () => {
    const container = containerWith();
    expect(container.get(PasswordHasher)).toBeInstanceOf(ScryptPasswordHasher);
    expect(container.get(PasswordHasher)).toBe(container.get(PasswordHasher));
  });

  it('stores images as files under imageDir', async () => {
    const path = await containerWith()
      .get(ImageStore)
      .save('doctors', { bytes: new Uint8Array([1]), contentType: 'image/png' });
    expect(readdirSync(join(folder, 'images', 'doctors'))).toEqual([path.split('/').pop()]);
  });
});
