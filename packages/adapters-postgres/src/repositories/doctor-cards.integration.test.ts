import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlExecutor } from '../sql/sql-client.js';
import { insertSlot, newDoctorNamed } from '../testing/doctor-fixtures.js';
import { openTestAdapters, type Engine, type TestAdapters } from '../testing/test-adapters.js';

// `doctors.card` (migrations/0009_doctor_cards.sql) is kept by triggers: every snapshot and
// search page reads the lists from it, so it must follow every write to the tables it
// summarizes, concurrent ones included. The reference is how snapshots were read before the
// card: correlated subqueries over the tables themselves.
const referenceLists = `SELECT d.id,
  (SELECT coalesce(json_agg(json_build_object('id', sp.id, 'name', sp.name) ORDER BY sp.id), '[]'::json)
    FROM doctor_specializations ds JOIN specializations sp ON sp.id = ds.specialization_id
    WHERE ds.doctor_id = d.id) AS specializations,
  (SELECT coalesce(json_agg(json_build_object('qualificationId', q.id, 'name', q.name,
      'procurementDate', dq.procurement_date, 'institute', dq.institute) ORDER BY dq.id), '[]'::json)
    FROM doctor_qualifications dq JOIN qualifications q ON q.id = dq.qualification_id
    WHERE dq.doctor_id = d.id) AS qualifications,
  (SELECT coalesce(json_agg(json_build_object('id', s.id, 'doctorId', s.doctor_id, 'day', s.day,
      'start', to_char(s.start, 'HH24:MI'), 'durationMinutes', s.duration_minutes, 'places', s.places,
      'fee', s.fee, 'timeZone', s.time_zone, 'createdAt', s.created_at)
      ORDER BY array_position(ARRAY['monday','tuesday','wednesday','thursday','friday','saturday','sunday'], s.day),
               s.start, s.id), '[]'::json)
    FROM slots s WHERE s.doctor_id = d.id) AS slots
FROM doctors d ORDER BY d.id`;

type Lists = {
  id: number;
  specializations: unknown[];
  qualifications: unknown[];
  slots: { createdAt: string }[];
};

/** Slot instants as numbers: the card writes them in UTC, the reference in the session's zone. */
const comparable = ({ id, specializations, qualifications, slots }: Lists) => ({
  id,
  specializations,
  qualifications,
  slots: slots.map((s) => ({ ...s, createdAt: new Date(s.createdAt).getTime() })),
});

for (const engine of ['server', 'pglite'] satisfies Engine[]) {
  describe(`doctor cards on ${engine}`, () => {
    let a: TestAdapters;
    beforeAll(async () => {
      a = await openTestAdapters(engine);
    });
    afterAll(() => a.dispose());

    /** Every doctor's card, against the reference lists read from the tables. */
    const expectCardsInStep = async () => {
      const cards = await a.sql.query<{ id: number; card: Omit<Lists, 'id'> }>(
        'SELECT id, card FROM doctors ORDER BY id',
      );
      const reference = await a.sql.query<Lists>(referenceLists);
      expect(cards.map(({ id, card }) => comparable({ id, ...card }))).toEqual(
        reference.map(comparable),
      );
    };
    const doctor = (name: string) => newDoctorNamed(a.uow, name, a.clock.now());
    const addSlot = insertSlot;

    it('starts empty and follows specializations, qualifications and slots added later, in the snapshot orders', async () => {
      const id = await doctor('Quentin Card');
      expect(await a.uow.read.doctors.snapshot(id)).toMatchObject({
        specializations: [],
        qualifications: [],
        slots: [],
      });
      const specializations = await a.uow.read.catalog.findSpecializationsByName([
        'urologist',
        'dermatologist',
        'cardiologist',
      ]);
      const [md, mbbs] = await a.uow.read.catalog.findQualificationsByName(['md', 'mbbs']);
      await a.uow.read.doctors.addSpecializations(id, specializations.map((s) => s.id).reverse());
      await a.uow.read.doctors.addQualifications(id, [
        { qualificationId: md!.id, name: 'md', procurementDate: '2015-01-01', institute: 'Later' },
        {
          qualificationId: mbbs!.id,
          name: 'mbbs',
          procurementDate: '2009-06-30',
          institute: 'Earlier',
        },
      ]);
      await addSlot(a.sql, id, 'sunday', '09:00');
      await addSlot(a.sql, id, 'monday', '18:00');
      await addSlot(a.sql, id, 'monday', '08:30');
      const snapshot = (await a.uow.read.doctors.snapshot(id))!;
      expect(snapshot.specializations.map((s) => s.id)).toEqual(
        specializations.map((s) => s.id).sort((x, y) => x - y),
      );
      expect(snapshot.qualifications.map((q) => q.institute)).toEqual(['Later', 'Earlier']);
      expect(snapshot.slots.map((s) => `${s.day} ${s.start}`)).toEqual([
        'monday 08:30',
        'monday 18:00',
        'sunday 09:00',
      ]);
      expect(snapshot.slots.every((s) => s.createdAt instanceof Date && s.doctorId === id)).toBe(
        true,
      );
      const page = await a.search.search({
        name: 'quentin',
        sort: 'name',
        order: 'asc',
        limit: 10,
        offset: 0,
      });
      expect(page.items[0]!.slot.map((s) => s.start)).toEqual(['08:30', '18:00', '09:00']);
      expect(page.items[0]!.experience).toBeGreaterThan(0);
      await expectCardsInStep();
    });

    it('follows changes made by hand: slots moved and removed, a qualification removed, a catalog entry renamed', async () => {
      const id = await doctor('Rukhsana Card');
      const [neurologist] = await a.uow.read.catalog.findSpecializationsByName(['neurologist']);
      const [bds] = await a.uow.read.catalog.findQualificationsByName(['bds']);
      await a.uow.read.doctors.addSpecializations(id, [neurologist!.id]);
      await a.uow.read.doctors.addQualifications(id, [
        { qualificationId: bds!.id, name: 'bds', procurementDate: '2012-03-04', institute: 'X' },
      ]);
      await addSlot(a.sql, id, 'friday', '09:00');
      await addSlot(a.sql, id, 'friday', '11:00');
      await a.sql.query(
        "UPDATE slots SET day = 'tuesday', fee = 250 WHERE doctor_id = $1 AND start = '11:00'",
        [id],
      );
      await a.sql.query("DELETE FROM slots WHERE doctor_id = $1 AND start = '09:00'", [id]);
      await a.sql.query('DELETE FROM doctor_qualifications WHERE doctor_id = $1', [id]);
      await a.sql.query("UPDATE specializations SET name = 'neurology' WHERE name = 'neurologist'");
      const snapshot = (await a.uow.read.doctors.snapshot(id))!;
      expect(snapshot.slots.map((s) => [s.day, s.start, s.fee])).toEqual([
        ['tuesday', '11:00', 250],
      ]);
      expect(snapshot.qualifications).toEqual([]);
      expect(snapshot.specializations).toEqual([{ id: neurologist!.id, name: 'neurology' }]);
      await a.sql.query("UPDATE specializations SET name = 'neurologist' WHERE name = 'neurology'");
      await expectCardsInStep();
    });

    /**
     * Runs `first` and `second` in two transactions that overlap: the first holds its
     * uncommitted write (and the doctor's lock) until the second waits for that lock.
     */
    const overlapping = async (
      first: (tx: SqlExecutor) => Promise<unknown>,
      second: (tx: SqlExecutor) => Promise<unknown>,
    ) => {
      let written!: () => void;
      let release!: () => void;
      const firstWritten = new Promise<void>((resolve) => {
        written = resolve;
      });
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const one = a.sql.transaction(async (tx) => {
        await first(tx);
        written();
        await held;
      });
      await firstWritten;
      const two = a.sql.transaction(second);
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
      await Promise.all([one, two]);
    };

    it('keeps both slots when two transactions add one to the same doctor at once', async (context) => {
      if (a.sql.engine !== 'postgres')
        return context.skip('PGlite has one connection: transactions never overlap.');
      const id = await doctor('Tahir Card');
      await overlapping(
        (tx) => addSlot(tx, id, 'tuesday'),
        (tx) => addSlot(tx, id, 'wednesday'),
      );
      expect((await a.uow.read.doctors.snapshot(id))!.slots.map((s) => s.day)).toEqual([
        'tuesday',
        'wednesday',
      ]);
      await expectCardsInStep();
    });

    it('keeps both slots when two transactions add one on the same weekday at once (only the card changes)', async (context) => {
      if (a.sql.engine !== 'postgres')
        return context.skip('PGlite has one connection: transactions never overlap.');
      const id = await doctor('Umar Card');
      await addSlot(a.sql, id, 'thursday', '08:00');
      await overlapping(
        (tx) => addSlot(tx, id, 'thursday', '10:00'),
        (tx) => addSlot(tx, id, 'thursday', '12:00'),
      );
      expect((await a.uow.read.doctors.snapshot(id))!.slots.map((s) => s.start)).toEqual([
        '08:00',
        '10:00',
        '12:00',
      ]);
      await expectCardsInStep();
    });
  });
}
