import type { LiveChannel, LiveSubscription } from '../live/live-channel.js';
import type { LiveChannelEventListener } from '../live/live-channel-event.js';
import { TopicListeners } from '../live/topic-listeners.js';

/**
 * {@link LiveChannel} within one process: the embedded default (one server process, which also
 * runs the background work) and core's tests. Each instance is its own bus. A notice is
 * delivered in a microtask after `publish` returns, so a listener never runs inside the
 * publisher's call (nor can its throw reach the publisher).
 * @category In-memory adapters
 */
export class InMemoryLiveChannel implements LiveChannel {
  private readonly listeners: TopicListeners;
  private closed = false;

  /** @param onEvent where a throwing listener is reported. */
  constructor(onEvent?: LiveChannelEventListener) {
    const local = { start: () => Promise.resolve(), stop: () => Promise.resolve() };
    this.listeners = new TopicListeners(local, onEvent);
  }

  publish(topic: string, payload: string): Promise<void> {
    if (!this.closed) queueMicrotask(() => this.listeners.deliver(topic, payload));
    return Promise.resolve();
  }

  async subscribe(topic: string, listener: (payload: string) => void): Promise<LiveSubscription> {
    if (this.closed) throw new Error('InMemoryLiveChannel is closed');
    const remove = await this.listeners.add(topic, listener);
    return { unsubscribe: remove };
  }

  close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    return Promise.resolve();
  }
}
