import { describe, expect, it } from 'vitest';
import { sseEvent, sseHeartbeat, sseRetry } from './sse-event.js';

describe('sseEvent', () => {
  it('writes the event name, the id and the data, ended by a blank line', () => {
    expect(sseEvent('board', 7, '{"a":1}')).toBe('event: board\nid: 7\ndata: {"a":1}\n\n');
  });

  it('splits data on every kind of line break, one data field per line', () => {
    expect(sseEvent('x', 1, 'a\r\nb\rc\nd')).toBe(
      'event: x\nid: 1\ndata: a\ndata: b\ndata: c\ndata: d\n\n',
    );
  });
});

describe('comments and hints', () => {
  it('a heartbeat is a comment line the client ignores', () => {
    expect(sseHeartbeat).toMatch(/^:[^\n]*\n\n$/);
  });

  it('the retry hint is a whole number of milliseconds', () => {
    expect(sseRetry(2500.4)).toBe('retry: 2500\n\n');
  });
});
