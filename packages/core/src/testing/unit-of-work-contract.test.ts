import { describeUnitOfWorkContract } from './unit-of-work-contract.js';
import { InMemoryOutboxStore } from './in-memory-outbox-store.js';
import { InMemoryUnitOfWork } from './in-memory-unit-of-work.js';

describeUnitOfWorkContract('InMemoryUnitOfWork', () => {
  const uow = new InMemoryUnitOfWork();
  return Promise.resolve({ uow, outbox: new InMemoryOutboxStore(uow) });
});
