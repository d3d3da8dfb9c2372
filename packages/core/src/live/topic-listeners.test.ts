import { describe, expect, it, vi } from 'vitest';
import type { LiveChannelEvent } from './live-channel-event.js';
import { TopicListeners, type TopicTransport } from './topic-listeners.js';

/** A transport that records its calls and lets a test decide when `start` finishes. */
class RecordingTransport implements TopicTransport {
  readonly calls: string[] = [];
  failNextStart = false;
  private gate: Promise<void> = Promise.resolve();
  private open: () => void = () => undefined;

  /** Holds every `start` and `stop` until {@link release}. */
  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }
  release(): void {
    this.open();
  }

  async start(topic: string): Promise<void> {
    this.calls.push(`start ${topic}`);
    await this.gate;
    if (this.failNextStart) {
      this.failNextStart = false;
      throw new Error('cannot subscribe');
    }
  }
  async stop(topic: string): Promise<void> {
    this.calls.push(`stop ${topic}`);
    await this.gate;
  }
}

describe('TopicListeners', () => {
  it('starts a topic once for many listeners and stops it when the last one leaves', async () => {
    const transport = new RecordingTransport();
    const listeners = new TopicListeners(transport);
    const removes = await Promise.all(
      Array.from({ length: 500 }, () => listeners.add('t', () => undefined)),
    );
    expect(transport.calls).toEqual(['start t']);
    await Promise.all(removes.slice(1).map((remove) => remove()));
    expect(transport.calls).toEqual(['start t']);
    await removes[0]!();
    await removes[0]!();
    expect(transport.calls).toEqual(['start t', 'stop t']);
    expect(listeners.activeTopics()).toEqual([]);
  });

  it('does not stop a topic that gains a listener as its last one leaves', async () => {
    const transport = new RecordingTransport();
    const listeners = new TopicListeners(transport);
    const remove = await listeners.add('t', () => undefined);
    await Promise.all([remove(), listeners.add('t', () => undefined)]);
    expect(transport.calls).toEqual(['start t']);
    expect(listeners.activeTopics()).toEqual(['t']);
  });

  it('starts a topic again when a listener arrives while it is being stopped', async () => {
    const transport = new RecordingTransport();
    const listeners = new TopicListeners(transport);
    const remove = await listeners.add('t', () => undefined);
    transport.hold();
    const removing = remove();
    await vi.waitFor(() => expect(transport.calls).toEqual(['start t', 'stop t']));
    const adding = listeners.add('t', () => undefined);
    transport.release();
    await Promise.all([removing, adding]);
    expect(transport.calls).toEqual(['start t', 'stop t', 'start t']);
    expect(listeners.activeTopics()).toEqual(['t']);
  });

  it('rejects a subscribe whose start fails, keeps nothing, and tries again on the next one', async () => {
    const transport = new RecordingTransport();
    const listeners = new TopicListeners(transport);
    transport.failNextStart = true;
    const heard: string[] = [];
    await expect(listeners.add('t', (p) => heard.push(p))).rejects.toThrow('cannot subscribe');
    listeners.deliver('t', 'lost');
    expect(heard).toEqual([]);
    expect(listeners.activeTopics()).toEqual([]);
    await listeners.add('t', (p) => heard.push(p));
    listeners.deliver('t', 'kept');
    expect(heard).toEqual(['kept']);
    expect(transport.calls).toEqual(['start t', 'start t']);
  });

  it('reports a throwing listener and still delivers to the others, in order', async () => {
    const events: LiveChannelEvent[] = [];
    const listeners = new TopicListeners(new RecordingTransport(), (e) => events.push(e));
    const heard: string[] = [];
    await listeners.add('t', (p) => heard.push(`a ${p}`));
    await listeners.add('t', () => {
      throw new Error('bug');
    });
    await listeners.add('t', (p) => heard.push(`c ${p}`));
    listeners.deliver('t', 'x');
    expect(heard).toEqual(['a x', 'c x']);
    expect(events).toEqual([{ type: 'listener-failed', topic: 't', error: new Error('bug') }]);
  });

  it('delivers nothing to other topics, nor after clear', async () => {
    const listeners = new TopicListeners(new RecordingTransport());
    const heard: string[] = [];
    await listeners.add('a', (p) => heard.push(p));
    listeners.deliver('b', 'other topic');
    listeners.clear();
    listeners.deliver('a', 'after clear');
    expect(heard).toEqual([]);
  });
});
