import { upsertSeeder } from './doctor-fixtures.js';
import { describeDoctorSearchIndexContract } from './doctor-search-index-contract.js';
import { InMemoryDoctorSearchIndex } from '../memory/in-memory-doctor-search-index.js';

describeDoctorSearchIndexContract('InMemoryDoctorSearchIndex', () => {
  const index = new InMemoryDoctorSearchIndex();
  return Promise.resolve({
    index,
    seed: upsertSeeder(index, new Date('2026-01-05T09:00:00.000Z')),
  });
});
