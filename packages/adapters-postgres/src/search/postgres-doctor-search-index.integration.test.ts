import { describeDoctorSearchIndexContract, repositorySeeder } from '@doctorly/core/testing';
import { openTestAdapters, type Engine } from '../testing/test-adapters.js';

for (const engine of ['server', 'pglite'] satisfies Engine[]) {
  describeDoctorSearchIndexContract(`PostgresDoctorSearchIndex on ${engine}`, async () => {
    const adapters = await openTestAdapters(engine);
    return {
      index: adapters.search,
      seed: repositorySeeder(adapters.uow, adapters.search, adapters.clock.now()),
      close: () => adapters.dispose(),
    };
  });
}
