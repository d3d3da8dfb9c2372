import { describe, expect, it } from 'vitest';
import {
  InMemoryCache,
  InMemoryDoctorSearchIndex,
  InMemoryUnitOfWork,
  InsecureTestPasswordHasher,
  ManualClock,
  RecordingOutboxPublisher,
} from '@doctorly/core/testing';
import { cacheTags } from '../cache/cache-keys.js';
import type { DoctorView } from '../doctors/doctor-view.js';
import { toDoctorView } from '../doctors/to-doctor-view.js';
import { AddSlot } from '../scheduling/add-slot.js';
import { AddSpecializations } from '../doctors/add-specializations.js';
import { RegisterDoctor } from '../doctors/register-doctor.js';
import { SeedCatalog } from '../catalog/seed-catalog.js';
import { SearchDoctors } from './search-doctors.js';

async function setup() {
  const uow = new InMemoryUnitOfWork();
  const clock = new ManualClock();
  const publisher = new RecordingOutboxPublisher();
  const index = new InMemoryDoctorSearchIndex();
  const cache = new InMemoryCache(clock);
  await new SeedCatalog(uow, publisher, clock).execute();
  const registerDoctor = new RegisterDoctor(
    uow,
    publisher,
    clock,
    new InsecureTestPasswordHasher(),
  );
  const addSpecializations = new AddSpecializations(uow, publisher, clock);
  const addSlot = new AddSlot(uow, publisher, clock);
  const doctors: DoctorView[] = [];
  for (const [name, specialization, day] of [
    ['Ayesha Khan', 'cardiologist', 'monday'],
    ['Bilal Ahmed', 'cardiologist', 'tuesday'],
    ['Ayaan Malik', 'dentist', 'monday'],
  ] as const) {
    const doctor = await registerDoctor.execute({
      name,
      email: `${name.split(' ')[0]!.toLowerCase()}@example.com`,
      password: 'password1',
    });
    const actor = { userId: doctor.user.id, role: 'user' as const };
    await addSpecializations.execute(actor, { specialization_name: [specialization] });
    await addSlot.execute(actor, {
      day,
      start: '10:00',
      consultation_fee: 0,
      appointment_duration: 10,
      num_slots: 5,
    });
    doctors.push(toDoctorView((await uow.read.doctors.snapshot(doctor.id))!, clock.now()));
  }
  for (const doctor of doctors) await index.upsert(doctor);
  return { index, cache, doctors, searchDoctors: new SearchDoctors(index, cache) };
}

describe('SearchDoctors', () => {
  it('asks the index with every filter, as query strings give them', async () => {
    const { searchDoctors } = await setup();
    const names = async (input: Parameters<SearchDoctors['execute']>[0]) =>
      (await searchDoctors.execute(input)).items.map((d) => d.user.name);
    expect(await names({ specialization: 'Cardiologist' })).toEqual(['Ayesha Khan', 'Bilal Ahmed']);
    expect(await names({ day: 'MONDAY', sort: 'name', order: 'desc' })).toEqual([
      'Ayesha Khan',
      'Ayaan Malik',
    ]);
    expect(await names({ name: 'ayesa' })).toEqual(['Ayesha Khan']);
    expect(await names({ specialization: 'cardiologist', day: 'monday' })).toEqual(['Ayesha Khan']);
    expect((await searchDoctors.execute({ limit: '1', offset: '1', sort: 'name' })).total).toBe(3);
  });

  it('caches answers briefly under the normalised query, until the doctors tag is invalidated', async () => {
    const { index, cache, doctors, searchDoctors } = await setup();
    expect((await searchDoctors.execute({ name: 'Bilal' })).total).toBe(1);
    await index.remove(doctors[1]!.id);
    // The same query spelled differently hits the same entry.
    expect((await searchDoctors.execute({ name: '  BILAL ' })).total).toBe(1);
    await cache.invalidateTags([cacheTags.doctors]);
    expect((await searchDoctors.execute({ name: 'bilal' })).total).toBe(0);
  });

  it('refuses unknown sorts and parameters', async () => {
    const { searchDoctors } = await setup();
    await expect(searchDoctors.execute({ sort: 'random' as never })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(searchDoctors.execute({ where: '1=1' } as never)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
