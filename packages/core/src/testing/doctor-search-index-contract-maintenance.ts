import { describe, expect, it } from 'vitest';
import type { DoctorView } from '../doctors/doctor-view.js';
import type { DoctorSearchSubject } from './doctor-search-index-contract.js';

/** `get`, `ids`, and (for engines holding documents) `upsert` and `remove`. Runs last: it changes the index. */
export function describeSearchMaintenance(
  subject: () => DoctorSearchSubject,
  seeded: () => readonly DoctorView[],
): void {
  describe('documents', () => {
    it("gets an indexed doctor's view, or undefined", async () => {
      const [first] = seeded();
      expect(await subject().index.get(first!.id)).toEqual(first);
      expect(await subject().index.get(2_000_000_000)).toBeUndefined();
    });

    it('lists every indexed id, ascending', async () => {
      expect(await subject().index.ids()).toEqual(
        seeded()
          .map((v) => v.id)
          .sort((a, b) => a - b),
      );
    });

    it('upserts changed documents and removes documents (engines that hold documents)', async (context) => {
      const { index } = subject();
      if (!index.keepsDocuments) {
        context.skip(
          `${index.engine} keeps no documents (it reads the source itself): upsert and remove have nothing to do.`,
        );
        return;
      }
      const [doctor] = await subject().seed([
        { name: 'Yusuf Temp', specializations: ['urologist'], days: ['sunday'] },
      ]);
      expect(
        (await index.search({ name: 'yusuf', sort: 'name', order: 'asc', limit: 10, offset: 0 }))
          .total,
      ).toBe(1);
      await index.upsert({
        ...doctor!,
        user: { ...doctor!.user, name: 'Yusuf Qureshi' },
        slot: [],
      });
      await index.upsert({
        ...doctor!,
        user: { ...doctor!.user, name: 'Yusuf Qureshi' },
        slot: [],
      });
      const found = await index.search({
        name: 'qureshi',
        sort: 'name',
        order: 'asc',
        limit: 10,
        offset: 0,
      });
      expect(found.items.map((d) => [d.id, d.user.name])).toEqual([[doctor!.id, 'Yusuf Qureshi']]);
      expect(
        (await index.search({ name: 'temp', sort: 'name', order: 'asc', limit: 10, offset: 0 }))
          .total,
      ).toBe(0);
      expect(
        (await index.search({ day: 'sunday', sort: 'name', order: 'asc', limit: 10, offset: 0 }))
          .total,
      ).toBe(0);
      await index.remove(doctor!.id);
      await index.remove(doctor!.id);
      expect(await index.get(doctor!.id)).toBeUndefined();
      expect(await index.ids()).not.toContain(doctor!.id);
      expect(
        (await index.search({ name: 'yusuf', sort: 'name', order: 'asc', limit: 10, offset: 0 }))
          .total,
      ).toBe(0);
      expect(
        (await index.search({ sort: 'name', order: 'asc', limit: 100, offset: 0 })).total,
      ).toBe(seeded().length);
    });
  });
}
