import { describe, expect, it } from 'vitest';
import {
  InMemoryImageStore,
  InMemoryUnitOfWork,
  ManualClock,
  RecordingOutboxPublisher,
} from '@doctorly/core/testing';
import type { StoredImage } from '../shared/image-store.js';
import { SeedCatalog } from './seed-catalog.js';
import { SetSpecializationImage } from './set-specialization-image.js';

const image: StoredImage = { bytes: new Uint8Array([0xff, 0xd8, 0xff]), contentType: 'image/jpeg' };

async function setup() {
  const uow = new InMemoryUnitOfWork();
  const clock = new ManualClock();
  const publisher = new RecordingOutboxPublisher();
  await new SeedCatalog(uow, publisher, clock).execute();
  publisher.clear();
  const [allergist] = await uow.read.catalog.findSpecializationsByName(['allergist']);
  const images = new InMemoryImageStore();
  return {
    uow,
    publisher,
    images,
    allergist: allergist!,
    setImage: new SetSpecializationImage(uow, publisher, clock, images),
  };
}

describe('SetSpecializationImage', () => {
  it('an admin sets the image of a specialization', async () => {
    const { uow, publisher, allergist, setImage } = await setup();
    const view = await setImage.execute(
      { userId: 1, role: 'admin' },
      { id: String(allergist.id) },
      image,
    );
    expect(view).toEqual({
      id: allergist.id,
      name: 'allergist',
      image: expect.stringMatching(/^\/static\/specializations\/.+\.jpg$/) as unknown,
    });
    expect((await uow.read.catalog.findSpecialization(allergist.id))?.image).toBe(view.image);
    expect(publisher.events).toEqual([{ type: 'catalog.changed' }]);
  });

  it('FORBIDDEN for anyone but an admin; SPECIALIZATION_NOT_FOUND for an unknown id', async () => {
    const { uow, allergist, setImage, images } = await setup();
    await expect(
      setImage.execute({ userId: 1, role: 'user' }, { id: allergist.id }, image),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await uow.read.catalog.findSpecialization(allergist.id))?.image).toBeNull();
    await expect(
      setImage.execute({ userId: 1, role: 'admin' }, { id: 9999 }, image),
    ).rejects.toMatchObject({
      code: 'SPECIALIZATION_NOT_FOUND',
    });
    expect(await images.read('/static/specializations/image-1.jpg')).toBeUndefined();
  });
});
