import { reportLiveEvent, type LiveChannelEventListener } from './live-channel-event.js';

/** What a transport does when a topic gains its first listener or loses its last. @category Live */
export interface TopicTransport {
  /** Start receiving `topic` (e.g. Redis `SUBSCRIBE`); resolves once notices of it arrive. */
  start(topic: string): Promise<void>;
  /** Stop receiving `topic`; must not throw. */
  stop(topic: string): Promise<void>;
}

type Listener = (payload: string) => void;

interface TopicState {
  readonly listeners: Set<{ readonly listener: Listener }>;
  /** Whether the transport receives this topic (after `start`, before `stop`). */
  started: boolean;
  /** Transitions of this topic run one after another, in call order. */
  queue: Promise<void>;
  pending: number;
}

/**
 * The local half of every {@link LiveChannel} adapter: the listeners of each topic in this
 * process, counted so that the transport is asked to receive a topic once, however many
 * listeners it has (500 browsers on one board: one Redis subscription), and told to stop when
 * the last one leaves. Start and stop of one topic are serialized, so a subscribe racing an
 * unsubscribe always ends with the transport matching the listeners. Delivery calls each
 * listener in turn; one that throws is reported and the others still get the notice.
 * @category Live
 */
export class TopicListeners {
  private readonly topics = new Map<string, TopicState>();

  constructor(
    private readonly transport: TopicTransport,
    private readonly onEvent?: LiveChannelEventListener,
  ) {}

  /**
   * Adds `listener` to `topic`; resolves once the transport receives the topic, with the
   * function that removes it (safe to call twice). Rejects, with nothing added, when the
   * transport cannot start.
   */
  async add(topic: string, listener: Listener): Promise<() => Promise<void>> {
    const state = this.stateOf(topic);
    const entry = { listener };
    state.listeners.add(entry);
    try {
      await this.reconcile(topic, state);
    } catch (error) {
      state.listeners.delete(entry);
      await this.reconcile(topic, state).catch(() => undefined);
      throw error;
    }
    let removed = false;
    return async () => {
      if (removed) return;
      removed = true;
      state.listeners.delete(entry);
      await this.reconcile(topic, state).catch(() => undefined);
    };
  }

  /** Calls every listener of `topic` with `payload`; a throwing listener is reported and skipped. */
  deliver(topic: string, payload: string): void {
    const state = this.topics.get(topic);
    if (!state) return;
    for (const { listener } of [...state.listeners]) {
      try {
        listener(payload);
      } catch (error) {
        reportLiveEvent(this.onEvent, { type: 'listener-failed', topic, error });
      }
    }
  }

  /** The topics that have listeners now. */
  activeTopics(): string[] {
    return [...this.topics].filter(([, s]) => s.listeners.size > 0).map(([topic]) => topic);
  }

  /** Drops every listener at once, without telling the transport (it is being closed). */
  clear(): void {
    for (const state of this.topics.values()) state.listeners.clear();
    this.topics.clear();
  }

  private stateOf(topic: string): TopicState {
    let state = this.topics.get(topic);
    if (!state) {
      state = { listeners: new Set(), started: false, queue: Promise.resolve(), pending: 0 };
      this.topics.set(topic, state);
    }
    return state;
  }

  /** Brings the transport in line with the listeners, after the transitions queued before. */
  private reconcile(topic: string, state: TopicState): Promise<void> {
    state.pending += 1;
    const step = state.queue.then(async () => {
      const wanted = state.listeners.size > 0;
      if (wanted && !state.started) {
        await this.transport.start(topic);
        state.started = true;
      } else if (!wanted && state.started) {
        state.started = false;
        await this.transport.stop(topic);
      }
    });
    state.queue = step.catch(() => undefined);
    return step.finally(() => {
      state.pending -= 1;
      const idle = state.pending === 0 && state.listeners.size === 0 && !state.started;
      if (idle && this.topics.get(topic) === state) this.topics.delete(topic);
    });
  }
}
