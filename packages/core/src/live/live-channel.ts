import type { ServiceToken } from '../shared/service-token.js';

/**
 * A notice that something observable changed, told to every subscriber of its topic on every
 * replica. Notices carry no state: a receiver re-reads the current state, so a notice that
 * arrives twice, late or out of order is harmless (the board it leads to carries its own
 * `version`). Delivery is best effort: a notice published while a replica's connection to the
 * fan-out is down is lost for that replica.
 *
 * Adapters: `InMemoryLiveChannel` (one process: the embedded default), `PostgresLiveChannel`
 * (`LISTEN/NOTIFY`), `RedisLiveChannel` (pub/sub); all pass `describeLiveChannelContract`.
 * @category Ports
 */
export interface LiveChannel {
  /**
   * Tells `payload` to every subscriber of `topic`, on every replica. Best effort: never
   * throws (a failure is reported by the adapter's own means and the notice dropped), never
   * blocks the caller on a slow subscriber.
   */
  publish(topic: string, payload: string): Promise<void>;
  /**
   * Calls `listener` with the payload of every later notice of `topic`. Resolves once the
   * subscription is active: a publish made after it resolves is received. (A distributed
   * adapter whose server cannot be reached resolves after a bounded wait instead, with the
   * subscription made active as soon as the connection returns.) A listener that throws
   * never keeps the others from their notices. Rejects once the channel is closed.
   */
  subscribe(topic: string, listener: (payload: string) => void): Promise<LiveSubscription>;
  /** Releases connections; later publishes are dropped, subscriptions end. Safe to call twice. */
  close(): Promise<void>;
}

/** One listener's subscription to a topic of a {@link LiveChannel}. @category Ports */
export interface LiveSubscription {
  /** Stops delivery to this listener; safe to call twice. */
  unsubscribe(): Promise<void>;
}

/** Injection token of the {@link LiveChannel} port. @category Ports */
export const LiveChannel: ServiceToken<LiveChannel> = Symbol.for('doctorly.LiveChannel');
