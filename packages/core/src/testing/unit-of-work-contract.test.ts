import { describeUnitOfWorkContract } from './unit-of-work-contract.js';
import { InMemoryOutboxStore } from '../memory/in-memory-outbox-store.js';
import { InMemoryUnitOfWork } from '../memory/in-memory-unit-of-work.js';

describeUnitOfWorkContract('InMemoryUnitOfWork', () => {
  const uow = new InMemoryUnitOfWork();
  return Promise.resolve({ uow, outbox: new InMemoryOutboxStore(uow) });
});
