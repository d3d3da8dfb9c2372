import { InMemoryOutboxStore } from './in-memory-outbox-store.js';
import { InMemoryUnitOfWork } from './in-memory-unit-of-work.js';
import { describeOutboxStoreContract } from './outbox-store-contract.js';

describeOutboxStoreContract('InMemoryOutboxStore', () => {
  const uow = new InMemoryUnitOfWork();
  return Promise.resolve({ uow, outbox: new InMemoryOutboxStore(uow) });
});
