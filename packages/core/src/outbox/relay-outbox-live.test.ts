import { describe, expect, it, vi } from 'vitest';
import { BookingWorld } from '../booking/booking-fixture.js';
import type { LiveChannel } from '../live/live-channel.js';
import { sittingNotice, sittingTopic } from '../live/sitting-topic.js';
import { InMemoryLiveChannel } from '../memory/in-memory-live-channel.js';
import { RelayOutbox } from './relay-outbox.js';

/** A channel that records every publish, in order, as `topic payload`. */
class RecordingLiveChannel extends InMemoryLiveChannel {
  readonly published: string[] = [];
  override publish(topic: string, payload: string): Promise<void> {
    this.published.push(`${topic} ${payload}`);
    return super.publish(topic, payload);
  }
}

/** A channel whose publish breaks its promise (the port says it never throws: a buggy adapter). */
class ThrowingLiveChannel extends InMemoryLiveChannel {
  override publish(): Promise<void> {
    return Promise.reject(new Error('fan-out is down'));
  }
}

function relayOf(w: BookingWorld, live: LiveChannel): RelayOutbox {
  return new RelayOutbox(w.outbox, w.uow, w.cache, w.index, live);
}

describe('RelayOutbox live notices', () => {
  it("tells a committed booking's sitting exactly once per batch, after the cache forgot it", async () => {
    const w = new BookingWorld();
    const { booked } = await w.withOneBooking();
    const live = new RecordingLiveChannel();
    const heard: string[] = [];
    let cachedWhenHeard: unknown = 'not heard';
    await w.cache.set('board', 1, { ttlSeconds: 60, tags: [`sitting:${booked.sitting_id}`] });
    await live.subscribe(sittingTopic(booked.sitting_id), (payload) => {
      heard.push(payload);
      void w.cache.get('board').then((value) => (cachedWhenHeard = value));
    });
    // The booking wrote several events naming this sitting (appointment and sitting changed).
    const named = (await w.outbox.pending(10)).filter((e) => 'sittingId' in e.event);
    expect(named.length).toBeGreaterThan(1);

    await relayOf(w, live).execute(100, 30, w.clock.now());
    await vi.waitFor(() => expect(cachedWhenHeard).not.toBe('not heard'));

    expect(live.published).toEqual([
      `${sittingTopic(booked.sitting_id)} ${sittingNotice(booked.sitting_id)}`,
    ]);
    expect(heard).toEqual([`{"sitting_id":${booked.sitting_id}}`]);
    expect(cachedWhenHeard).toBeUndefined();
  });

  it('tells each sitting of a batch once and says nothing when the batch is empty', async () => {
    const w = new BookingWorld();
    const { slot, alice, booked } = await w.withOneBooking();
    const bob = await w.user('bob');
    await w
      .useCases()
      .book.execute(bob, { patient_id: (await w.patient(bob)).id, slot_id: slot.id });
    const later = await w.slot(slot.doctorId, { start: '18:00' });
    const other = await w
      .useCases()
      .book.execute(alice, { patient_id: (await w.patient(alice, 'Kid')).id, slot_id: later.id });
    expect(other.sitting_id).not.toBe(booked.sitting_id);
    const live = new RecordingLiveChannel();
    const relay = relayOf(w, live);

    await relay.execute(100, 30, w.clock.now());
    expect([...live.published].sort()).toEqual(
      [booked.sitting_id, other.sitting_id]
        .map((id) => `${sittingTopic(id)} ${sittingNotice(id)}`)
        .sort(),
    );
    await relay.execute(100, 30, w.clock.now());
    expect(live.published).toHaveLength(2);
  });

  it('announces nothing for events that name no sitting', async () => {
    const w = new BookingWorld();
    const dr = await w.doctor();
    await w.uow.transaction((r) =>
      r.outbox.append(
        [{ type: 'doctor.changed', doctorId: dr.doctor.id }, { type: 'catalog.changed' }],
        w.clock.now(),
      ),
    );
    const live = new RecordingLiveChannel();
    expect((await relayOf(w, live).execute(100, 30, w.clock.now())).applied).toBe(2);
    expect(live.published).toEqual([]);
  });

  it('applies and completes the entries even when publishing fails', async () => {
    const w = new BookingWorld();
    await w.withOneBooking();
    const pending = (await w.outbox.pending(10)).length;
    const result = await relayOf(w, new ThrowingLiveChannel()).execute(100, 30, w.clock.now());
    expect(result).toEqual({ claimed: pending, applied: pending, failed: 0, parked: 0 });
    expect(await w.outbox.pending(10)).toEqual([]);
  });
});
