import {
  Clock,
  DoctorSearchIndex,
  OutboxStore,
  TokenRevocationStore,
  UnitOfWork,
} from '@doctorly/core';
import { Container } from 'inversify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresModule } from './postgres-module.js';
import { PostgresOutboxStore } from './postgres-outbox-store.js';
import { PostgresTokenRevocationStore } from './postgres-token-revocation-store.js';
import { PostgresUnitOfWork } from './postgres-unit-of-work.js';
import { PostgresDoctorSearchIndex } from './search/postgres-doctor-search-index.js';
import type { SqlClient } from './sql/sql-client.js';
import { openTestAdapters, type TestAdapters } from './testing/test-adapters.js';

describe('postgresModule', () => {
  let adapters: TestAdapters;
  beforeAll(async () => {
    adapters = await openTestAdapters('pglite');
  });
  afterAll(async () => {
    await adapters?.dispose();
  });

  function containerOver(sql: SqlClient): Container {
    const container = new Container();
    container.bind(Clock).toConstantValue(adapters.clock);
    container.load(postgresModule({ sql }));
    return container;
  }

  it("binds core's ports to the PostgreSQL adapters, which answer through the container", async () => {
    const container = containerOver(adapters.sql);
    expect(container.get(UnitOfWork)).toBeInstanceOf(PostgresUnitOfWork);
    expect(container.get(OutboxStore)).toBeInstanceOf(PostgresOutboxStore);
    expect(container.get(DoctorSearchIndex).engine).toBe('postgres');
    expect(container.get(TokenRevocationStore)).toBeInstanceOf(PostgresTokenRevocationStore);
    const uow = container.get(UnitOfWork);
    await uow.transaction((r) => r.catalog.seed(['allergist'], ['mbbs']));
    expect((await uow.read.catalog.listQualifications()).map((q) => q.name)).toEqual(['mbbs']);
  });

  it('serves a port and its adapter class from one singleton', () => {
    const container = containerOver(adapters.sql);
    expect(container.get(DoctorSearchIndex)).toBe(container.get(PostgresDoctorSearchIndex));
    expect(container.get(UnitOfWork)).toBe(container.get(UnitOfWork));
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
    expect((await uow.read.catalog.findQualificationsByName(['bds'])).map((q) => q.name)).toEqual([
      'bds',
    ]);
  });
});
