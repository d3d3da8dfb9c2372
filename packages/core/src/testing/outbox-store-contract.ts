import { beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../shared/domain-event.js';
import { suiteSubject } from './contract-support.js';
import type { UnitOfWorkSubject } from './unit-of-work-contract.js';

/** Far enough ahead that every lease and retry of earlier tests is over. */
const drainAt = new Date('2100-01-01T00:00:00.000Z');
const t0 = new Date('2026-01-05T09:00:00.000Z');
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

/**
 * The contract of the {@link @doctorly/core!OutboxStore} port (the relay side of the outbox): leases,
 * completion, retries and parking. Same subject as the unit of work (events are appended
 * through it). `makeSubject` is called once; before each test the suite completes every
 * due entry, so the claimable queue starts empty (parked entries stay).
 * @category Testing
 */
export function describeOutboxStoreContract(
  name: string,
  makeSubject: () => Promise<UnitOfWorkSubject>,
): void {
  describe(`OutboxStore contract: ${name}`, () => {
    const subject = suiteSubject(makeSubject);
    let nextUser = 1_000_000_000 + Math.floor(Math.random() * 1_000_000);
    const event = (): DomainEvent => ({ type: 'user.changed', userId: (nextUser += 1) });
    const append = (events: readonly DomainEvent[], at = t0) =>
      subject().uow.transaction((r) => r.outbox.append(events, at));

    beforeEach(async () => {
      for (;;) {
        const due = await subject().outbox.claim(1000, 60, drainAt);
        if (due.length === 0) break;
        await subject().outbox.complete(
          due.map((e) => e.id),
          drainAt,
        );
      }
    });

    it('claims appended events oldest first, at most limit', async () => {
      const events = [event(), event(), event()];
      await append(events.slice(0, 2));
      await append(events.slice(2));
      const first = await subject().outbox.claim(2, 30, t0);
      expect(first.map((e) => e.event)).toEqual(events.slice(0, 2));
      expect(first[0]).toMatchObject({ attempts: 0, lastError: null });
      expect(first[0]!.createdAt.getTime()).toBe(t0.getTime());
      expect(first[0]!.id).toBeLessThan(first[1]!.id);
      expect((await subject().outbox.claim(10, 30, t0)).map((e) => e.event)).toEqual(
        events.slice(2),
      );
    });

    it('does not hand out a leased entry again until its lease ends', async () => {
      const e = event();
      await append([e]);
      expect(await subject().outbox.claim(10, 30, t0)).toHaveLength(1);
      expect(await subject().outbox.claim(10, 30, later(29))).toHaveLength(0);
      expect((await subject().outbox.claim(10, 30, later(30))).map((x) => x.event)).toEqual([e]);
    });

    it('keeps claimed entries pending until completed, then never hands them out again', async () => {
      const e = event();
      await append([e]);
      const [claimed] = await subject().outbox.claim(10, 30, t0);
      expect((await subject().outbox.pending(100_000)).map((x) => x.id)).toContain(claimed!.id);
      await subject().outbox.complete([claimed!.id], later(1));
      expect((await subject().outbox.pending(100_000)).map((x) => x.id)).not.toContain(claimed!.id);
      expect(await subject().outbox.claim(10, 30, later(3600))).toHaveLength(0);
    });

    it('retries a failed entry at retryAt, counting attempts and keeping the error', async () => {
      await append([event()]);
      const [claimed] = await subject().outbox.claim(10, 30, t0);
      await subject().outbox.fail(claimed!.id, 'search down', later(60));
      expect(await subject().outbox.claim(10, 30, later(59))).toHaveLength(0);
      const [again] = await subject().outbox.claim(10, 30, later(60));
      expect(again).toMatchObject({ id: claimed!.id, attempts: 1, lastError: 'search down' });
      await subject().outbox.fail(claimed!.id, 'still down', later(120));
      const pending = (await subject().outbox.pending(100_000)).find((x) => x.id === claimed!.id);
      expect(pending).toMatchObject({ attempts: 2, lastError: 'still down' });
    });

    it('parks an entry failed without retryAt: listed as parked, never claimed, not pending', async () => {
      await append([event()]);
      const [claimed] = await subject().outbox.claim(10, 30, t0);
      await subject().outbox.fail(claimed!.id, 'poison', null);
      expect(await subject().outbox.claim(10, 30, drainAt)).toHaveLength(0);
      expect((await subject().outbox.pending(100_000)).map((x) => x.id)).not.toContain(claimed!.id);
      expect(
        (await subject().outbox.parked(100_000)).find((x) => x.id === claimed!.id),
      ).toMatchObject({ attempts: 1, lastError: 'poison' });
    });

    it('lists pending entries oldest first, at most limit', async () => {
      const events = [event(), event(), event()];
      await append(events);
      const pending = await subject().outbox.pending(100_000);
      const ours = pending.filter((x) =>
        events.some((e) => JSON.stringify(e) === JSON.stringify(x.event)),
      );
      expect(ours.map((x) => x.event)).toEqual(events);
      expect(pending.map((x) => x.id)).toEqual([...pending.map((x) => x.id)].sort((a, b) => a - b));
      expect(await subject().outbox.pending(2)).toHaveLength(2);
    });

    it('never hands one entry to two concurrent consumers', async () => {
      await append(Array.from({ length: 20 }, event));
      const claims = await Promise.all(
        Array.from({ length: 4 }, () => subject().outbox.claim(8, 30, t0)),
      );
      const ids = claims.flat().map((e) => e.id);
      expect(ids).toHaveLength(20);
      expect(new Set(ids).size).toBe(20);
    });
  });
}
