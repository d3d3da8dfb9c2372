import { describe, expect, it } from 'vitest';
import { BookingWorld } from './booking-fixture.js';

describe('ListDoctorPatients', () => {
  it("lists the doctor's patients with a non-cancelled appointment, by name, and no one else's", async () => {
    const world = new BookingWorld();
    const uc = world.useCases();
    const drC = await world.doctor('Dr C');
    const drD = await world.doctor('Dr D');
    const slotC = await world.slot(drC.doctor.id);
    const slotD = await world.slot(drD.doctor.id);
    const alice = await world.user('alice');
    const zoe = await world.patient(alice, 'Zoe');
    const amy = await world.patient(alice, 'Amy');
    const kit = await world.patient(alice, 'Kit');
    await uc.book.execute(alice, { patient_id: zoe.id, slot_id: slotC.id });
    await uc.book.execute(alice, { patient_id: amy.id, slot_id: slotC.id });
    const gone = await uc.book.execute(alice, { patient_id: kit.id, slot_id: slotC.id });
    await uc.cancel.execute(alice, { id: gone.id });
    await uc.book.execute(alice, { patient_id: kit.id, slot_id: slotD.id });

    const page = await uc.doctorPatients.execute(drC.actor);
    expect(page.total).toBe(2);
    expect(page.items.map((p) => p.name)).toEqual(['Amy', 'Zoe']);
    expect(page.items[0]).toMatchObject({
      id: amy.id,
      age: 30,
      gender: 'other',
      symptoms: 'cough',
    });
    expect((await uc.doctorPatients.execute(drD.actor)).items.map((p) => p.name)).toEqual(['Kit']);
    expect(
      (await uc.doctorPatients.execute(drC.actor, { limit: 1, offset: 1 })).items.map(
        (p) => p.name,
      ),
    ).toEqual(['Zoe']);
  });

  it('refuses a caller who is not a doctor', async () => {
    const world = new BookingWorld();
    await expect(world.useCases().doctorPatients.execute(await world.user())).rejects.toMatchObject(
      { code: 'NOT_A_DOCTOR' },
    );
  });
});
