import { describe, expect, it } from 'vitest';
import { CircuitBreaker, type BreakerState } from './circuit-breaker.js';

function breaker(failureThreshold = 3, coolDownMs = 1_000) {
  let now = 0;
  const changes: BreakerState[] = [];
  const subject = new CircuitBreaker(
    { failureThreshold, coolDownMs },
    (s) => changes.push(s),
    () => now,
  );
  return { subject, changes, advance: (ms: number) => (now += ms) };
}

describe('CircuitBreaker', () => {
  it('stays closed, letting calls through, below the threshold', () => {
    const { subject } = breaker(3);
    subject.failed();
    subject.failed();
    expect(subject.state()).toBe('closed');
    expect(subject.tryAcquire()).toBe(true);
  });

  it('counts failures again from zero after a success', () => {
    const { subject } = breaker(3);
    subject.failed();
    subject.failed();
    subject.succeeded();
    subject.failed();
    subject.failed();
    expect(subject.state()).toBe('closed');
  });

  it('opens after N consecutive failures and refuses calls during the cool-down', () => {
    const { subject, changes, advance } = breaker(3, 1_000);
    for (let i = 0; i < 3; i += 1) subject.failed();
    expect(subject.state()).toBe('open');
    expect(changes).toEqual(['open']);
    advance(999);
    expect(subject.tryAcquire()).toBe(false);
  });

  it('lets exactly one probe through when half-open; success closes it', () => {
    const { subject, changes, advance } = breaker(1, 1_000);
    subject.failed();
    advance(1_000);
    expect(subject.state()).toBe('half-open');
    expect(subject.tryAcquire()).toBe(true);
    expect(subject.tryAcquire()).toBe(false);
    subject.succeeded();
    expect(subject.state()).toBe('closed');
    expect(subject.tryAcquire()).toBe(true);
    expect(changes).toEqual(['open', 'half-open', 'closed']);
  });

  it('re-opens for a full cool-down when the probe fails', () => {
    const { subject, advance } = breaker(2, 1_000);
    subject.failed();
    subject.failed();
    advance(1_500);
    expect(subject.tryAcquire()).toBe(true);
    subject.failed();
    expect(subject.state()).toBe('open');
    advance(999);
    expect(subject.tryAcquire()).toBe(false);
    advance(1);
    expect(subject.tryAcquire()).toBe(true);
  });
});
