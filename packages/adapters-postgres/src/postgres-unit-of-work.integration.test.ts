import { describeUnitOfWorkContract } from '@doctorly/core/testing';
import { openTestAdapters, type Engine } from './testing/test-adapters.js';

for (const engine of ['server', 'pglite'] satisfies Engine[]) {
  describeUnitOfWorkContract(`PostgresUnitOfWork on ${engine}`, async () => {
    const adapters = await openTestAdapters(engine);
    return { uow: adapters.uow, outbox: adapters.outbox, close: () => adapters.dispose() };
  });
}
