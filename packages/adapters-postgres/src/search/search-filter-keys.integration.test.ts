import type { DoctorSearchQuery } from '@doctorly/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSlot, newDoctorNamed } from '../testing/doctor-fixtures.js';
import { openTestAdapters, type Engine, type TestAdapters } from '../testing/test-adapters.js';

// `doctors.filter_keys` (migrations/0006_search_filters.sql) is kept by triggers: search must
// follow every later write to the three tables it summarizes, concurrent ones included.
for (const engine of ['server', 'pglite'] satisfies Engine[]) {
  describe(`search filter keys on ${engine}`, () => {
    let a: TestAdapters;
    beforeAll(async () => {
      a = await openTestAdapters(engine);
    });
    afterAll(() => a.dispose());

    const total = async (query: Partial<DoctorSearchQuery>) =>
      (await a.search.search({ sort: 'name', order: 'asc', limit: 10, offset: 0, ...query })).total;
    const doctor = (name: string) => newDoctorNamed(a.uow, name, a.clock.now());
    const addSlot = insertSlot;

    it('follows specializations, qualifications and slots added later', async () => {
      const id = await doctor('Quentin Later');
      expect(await total({ name: 'quentin', specialization: 'urologist' })).toBe(0);
      const [urologist] = await a.uow.read.catalog.findSpecializationsByName(['urologist']);
      const [md] = await a.uow.read.catalog.findQualificationsByName(['md']);
      await a.uow.read.doctors.addSpecializations(id, [urologist!.id]);
      await a.uow.read.doctors.addQualifications(id, [
        { qualificationId: md!.id, name: 'md', procurementDate: '2011-01-01', institute: 'X' },
      ]);
      await addSlot(a.sql, id, 'sunday');
      expect(
        await total({
          name: 'quentin',
          specialization: 'urologist',
          qualification: 'md',
          day: 'sunday',
        }),
      ).toBe(1);
      expect(await total({ name: 'quentin', day: 'monday' })).toBe(0);
      expect(await total({ name: 'quentin', specialization: 'no such specialization' })).toBe(0);
    });

    it('drops a key only with the last row that gave it (changes made by hand)', async () => {
      const id = await doctor('Rukhsana Manual');
      await addSlot(a.sql, id, 'friday', '09:00');
      await addSlot(a.sql, id, 'friday', '11:00');
      await a.sql.query("DELETE FROM slots WHERE doctor_id = $1 AND start = '09:00'", [id]);
      expect(await total({ name: 'rukhsana', day: 'friday' })).toBe(1);
      await a.sql.query("UPDATE slots SET day = 'saturday' WHERE doctor_id = $1", [id]);
      expect([
        await total({ name: 'rukhsana', day: 'friday' }),
        await total({ name: 'rukhsana', day: 'saturday' }),
      ]).toEqual([0, 1]);
    });

    it('keeps both keys when two transactions add slots to one doctor at once', async (context) => {
      if (a.sql.engine !== 'postgres')
        return context.skip('PGlite has one connection: transactions never overlap.');
      const id = await doctor('Tahir Concurrent');
      let inserted!: () => void;
      let release!: () => void;
      const firstInserted = new Promise<void>((resolve) => {
        inserted = resolve;
      });
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      // The first holds its uncommitted Tuesday slot (and the doctor's lock) until the second waits.
      const first = a.sql.transaction(async (tx) => {
        await addSlot(tx, id, 'tuesday');
        inserted();
        await held;
      });
      await firstInserted;
      const second = a.sql.transaction((tx) => addSlot(tx, id, 'wednesday'));
      while (
        (
          await a.sql.query(
            "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
          )
        ).length === 0
      ) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      release();
      await Promise.all([first, second]);
      expect([
        await total({ name: 'tahir', day: 'tuesday' }),
        await total({ name: 'tahir', day: 'wednesday' }),
      ]).toEqual([1, 1]);
    });
  });
}
