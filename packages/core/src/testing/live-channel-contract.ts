import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveChannel } from '../live/live-channel.js';
import { suiteSubject, unique, type ContractSubject } from './contract-support.js';

/**
 * What {@link describeLiveChannelContract} runs against. `open` makes one channel instance;
 * the instances of a distributed subject share one medium (each stands for a replica).
 * @category Testing
 */
export interface LiveChannelSubject extends ContractSubject {
  /** A new channel instance; the suite closes every instance it opens. */
  open(): Promise<LiveChannel>;
}

/**
 * Given by adapters that fan out across processes: their extra tests (across instances,
 * across a killed connection) run only then.
 * @category Testing
 */
export interface DistributedLiveChannel {
  /**
   * Kills the connection on which `channel` receives notices, from the server's side
   * (`CLIENT KILL`, `pg_terminate_backend`); throws if there was none to kill.
   */
  kill(channel: LiveChannel): Promise<void>;
}

/** Longest wait for a notice that must arrive (the bound of a failure, not a speed target). */
const arrival = { timeout: 10_000, interval: 10 };

/** A listener that keeps what it hears. */
function inbox(): { readonly heard: string[]; readonly listener: (payload: string) => void } {
  const heard: string[] = [];
  return { heard, listener: (payload) => void heard.push(payload) };
}

/**
 * The contract of the {@link LiveChannel} port: a notice reaches every listener of its
 * topic and no other, until unsubscribed or closed; payloads survive as they were; a
 * throwing listener harms no one; publishing after close is dropped quietly. With
 * `distributed`, also: a notice crosses instances, and a subscription survives its
 * connection being killed. Topics are unique per test, so parallel runs on one server
 * cannot interfere.
 * @category Testing
 */
export function describeLiveChannelContract(
  name: string,
  makeSubject: () => Promise<LiveChannelSubject>,
  distributed?: DistributedLiveChannel,
): void {
  describe(`LiveChannel contract: ${name}`, () => {
    const subject = suiteSubject(makeSubject);
    const opened: LiveChannel[] = [];
    const open = async (): Promise<LiveChannel> => {
      const channel = await subject().open();
      opened.push(channel);
      return channel;
    };
    const topic = () => `test:${unique()}`;

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((channel) => channel.close()));
    });

    it('delivers a notice published after subscribe resolves', async () => {
      const channel = await open();
      const t = topic();
      const a = inbox();
      await channel.subscribe(t, a.listener);
      await channel.publish(t, 'hello');
      await vi.waitFor(() => expect(a.heard).toEqual(['hello']), arrival);
    });

    it('keeps topics apart', async () => {
      const channel = await open();
      const [t1, t2] = [topic(), topic()];
      const [a, b] = [inbox(), inbox()];
      await channel.subscribe(t1, a.listener);
      await channel.subscribe(t2, b.listener);
      await channel.publish(t1, 'one');
      await channel.publish(t2, 'two');
      await vi.waitFor(() => expect([...a.heard, ...b.heard]).toHaveLength(2), arrival);
      expect(a.heard).toEqual(['one']);
      expect(b.heard).toEqual(['two']);
    });

    it('delivers every notice to each of 500 listeners of one topic', async () => {
      const channel = await open();
      const t = topic();
      const listeners = Array.from({ length: 500 }, () => inbox());
      await Promise.all(listeners.map((l) => channel.subscribe(t, l.listener)));
      await channel.publish(t, 'first');
      await channel.publish(t, 'second');
      await vi.waitFor(() => {
        for (const l of listeners) expect(l.heard).toEqual(['first', 'second']);
      }, arrival);
    });

    it('stops delivering to a listener once it unsubscribed, and only to it', async () => {
      const channel = await open();
      const t = topic();
      const [gone, stays] = [inbox(), inbox()];
      const subscription = await channel.subscribe(t, gone.listener);
      await channel.subscribe(t, stays.listener);
      await subscription.unsubscribe();
      await subscription.unsubscribe();
      await channel.publish(t, 'after');
      // Both listeners hang off the same channel: once one has the notice, the other would too.
      await vi.waitFor(() => expect(stays.heard).toEqual(['after']), arrival);
      expect(gone.heard).toEqual([]);
    });

    it('delivers again to a topic subscribed anew after its last listener left', async () => {
      const channel = await open();
      const t = topic();
      const first = await channel.subscribe(t, inbox().listener);
      await first.unsubscribe();
      const again = inbox();
      await channel.subscribe(t, again.listener);
      await channel.publish(t, 'back');
      await vi.waitFor(() => expect(again.heard).toEqual(['back']), arrival);
    });

    it('keeps quotes, backslashes, new lines, unicode and JSON intact', async () => {
      const channel = await open();
      const t = topic();
      const a = inbox();
      await channel.subscribe(t, a.listener);
      const payloads = [
        `He said "hi" \\ it's '; DROP TABLE x; --`,
        'Zoë — 東京 🩺\nsecond line\t',
        '{"sitting_id":42}',
        '',
      ];
      for (const payload of payloads) await channel.publish(t, payload);
      await vi.waitFor(() => expect(a.heard).toEqual(payloads), arrival);
    });

    it('still delivers to the other listeners when one throws', async () => {
      const channel = await open();
      const t = topic();
      const a = inbox();
      await channel.subscribe(t, () => {
        throw new Error('listener bug');
      });
      await channel.subscribe(t, a.listener);
      await channel.publish(t, 'one');
      await channel.publish(t, 'two');
      await vi.waitFor(() => expect(a.heard).toEqual(['one', 'two']), arrival);
    });

    it('drops a publish after close without throwing, ends its subscriptions and refuses new ones', async () => {
      const channel = await open();
      const t = topic();
      const a = inbox();
      const subscription = await channel.subscribe(t, a.listener);
      await channel.close();
      await channel.close();
      await expect(subscription.unsubscribe()).resolves.toBeUndefined();
      await expect(channel.publish(t, 'late')).resolves.toBeUndefined();
      await expect(channel.subscribe(t, a.listener)).rejects.toThrow(/closed/);
      // Proof of absence: a notice published later on a live instance arrives, the late one never.
      const other = await open();
      const b = inbox();
      await other.subscribe(t, b.listener);
      await other.publish(t, 'marker');
      await vi.waitFor(() => expect(b.heard).toEqual(['marker']), arrival);
      expect(a.heard).toEqual([]);
    });

    if (!distributed) return;
    describe('across replicas', () => {
      it('delivers a notice published on one instance to the subscribers of another', async () => {
        const [publisher, receiver] = [await open(), await open()];
        const t = topic();
        const [here, there] = [inbox(), inbox()];
        await receiver.subscribe(t, there.listener);
        await publisher.subscribe(t, here.listener);
        await publisher.publish(t, 'from A');
        await receiver.publish(t, 'from B');
        await vi.waitFor(() => {
          expect(there.heard).toEqual(['from A', 'from B']);
          expect(here.heard).toEqual(['from A', 'from B']);
        }, arrival);
      });

      it('keeps a subscription when its connection is killed: a later publish arrives', async () => {
        const [publisher, receiver] = [await open(), await open()];
        const t = topic();
        const a = inbox();
        await receiver.subscribe(t, a.listener);
        await distributed.kill(receiver);
        // Notices sent while the connection is down are lost (best effort): keep publishing
        // until one arrives through the reopened connection.
        let sent = 0;
        await vi.waitFor(
          async () => {
            sent += 1;
            await publisher.publish(t, `after kill ${sent}`);
            expect(a.heard.length).toBeGreaterThan(0);
          },
          { timeout: 20_000, interval: 100 },
        );
        expect(a.heard.every((payload) => payload.startsWith('after kill '))).toBe(true);
      });
    });
  });
}
