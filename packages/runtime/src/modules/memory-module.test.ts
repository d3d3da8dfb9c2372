import { Cache, Clock, OutboxStore, RateLimiter, UnitOfWork } from '@doctorly/core';
import { InMemoryUnitOfWork, ManualClock } from '@doctorly/core/testing';
import { Container } from 'inversify';
import { describe, expect, it } from 'vitest';
import { memoryModule } from './memory-module.js';

function containerWith(module: ReturnType<typeof memoryModule>): Container {
  const container = new Container();
  container.bind(Clock).toConstantValue(new ManualClock());
  container.load(module);
  return container;
}

describe('memoryModule', () => {
  it("binds every stateful port to core's in-memory adapters by default", () => {
    const container = containerWith(memoryModule());
    expect(container.get(UnitOfWork)).toBeInstanceOf(InMemoryUnitOfWork);
    expect(container.get(Cache)).toBe(container.get(Cache));
  });

  it('binds only the ports it is asked for', () => {
    const container = containerWith(memoryModule({ ports: ['cache', 'rateLimiter'] }));
    expect(container.isBound(RateLimiter)).toBe(true);
    expect(container.isBound(UnitOfWork)).toBe(false);
  });

  it('lets the outbox see what the unit of work committed', async () => {
    const container = containerWith(memoryModule());
    await container
      .get(UnitOfWork)
      .transaction((r) => r.outbox.append([{ type: 'doctor.changed', doctorId: 1 }], new Date()));
    expect(await container.get(OutboxStore).pending(10)).toHaveLength(1);
  });
});
