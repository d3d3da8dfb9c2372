import { InMemoryOutboxStore } from '../memory/in-memory-outbox-store.js';
import { InMemoryUnitOfWork } from '../memory/in-memory-unit-of-work.js';
import { describeOutboxStoreContract } from './outbox-store-contract.js';

describeOutboxStoreContract('InMemoryOutboxStore', () => {
  const uow = new InMemoryUnitOfWork();
  return Promise.resolve({ uow, outbox: new InMemoryOutboxStore(uow) });
});
