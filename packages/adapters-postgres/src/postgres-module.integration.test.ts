import { DoctorSearchIndex, OutboxStore, TokenRevocationStore, UnitOfWork } from '@doctorly/core';
import { Container } from 'inversify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresModule } from './postgres-module.js';
import { openTestAdapters, type TestAdapters } from './testing/test-adapters.js';

describe('postgresModule', () => {
  let adapters: TestAdapters;
  beforeAll(async () => {
    adapters = await openTestAdapters('pglite');
  });
  afterAll(async () => {
    await adapters?.dispose();
  });

  it("binds core's tokens to the adapters, which answer through the container", async () => {
    const container = new Container();
    container.load(postgresModule(adapters));
    expect(container.get<UnitOfWork>(UnitOfWork)).toBe(adapters.uow);
    expect(container.get<OutboxStore>(OutboxStore)).toBe(adapters.outbox);
    expect(container.get<DoctorSearchIndex>(DoctorSearchIndex).engine).toBe('postgres');
    expect(container.get<TokenRevocationStore>(TokenRevocationStore)).toBe(adapters.revocations);
    const uow = container.get<UnitOfWork>(UnitOfWork);
    await uow.transaction((r) => r.catalog.seed(['allergist'], ['mbbs']));
    expect((await uow.read.catalog.listQualifications()).map((q) => q.name)).toEqual(['mbbs']);
  });
});

describe('PGlite, one connection', () => {
  let adapters: TestAdapters;
  beforeAll(async () => {
    adapters = await openTestAdapters('pglite');
  });
  afterAll(async () => {
    await adapters?.dispose();
  });

  it('lets `read` and nested transactions inside a transaction join it instead of waiting forever', async () => {
    const { uow } = adapters;
    const name = await uow.transaction(async (r) => {
      await r.catalog.seed(['nephrologist'], []);
      const seen = await uow.read.catalog.findSpecializationsByName(['nephrologist']);
      await uow.transaction((inner) => inner.catalog.seed([], ['bds']));
      return seen[0]?.name;
    });
    expect(name).toBe('nephrologist');
    expect((await uow.read.catalog.findQualificationsByName(['bds'])).map((q) => q.name)).toEqual(['bds']);
  });
});
