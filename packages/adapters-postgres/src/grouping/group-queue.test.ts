import { describe, expect, it } from 'vitest';
import { GroupQueue } from './group-queue.js';

/** A promise resolved from outside. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('GroupQueue', () => {
  it('sends what arrives in one turn of the event loop as one group, on the next turn', async () => {
    const groups: number[][] = [];
    const queue = new GroupQueue<number>((group) => (groups.push(group), Promise.resolve()));
    queue.push(1);
    queue.push(2);
    queue.push(3);
    expect(groups).toEqual([]);
    await nextTurn();
    expect(groups).toEqual([[1, 2, 3]]);
  });

  it('lets items wait while every group slot is busy, then sends them together', async () => {
    const groups: number[][] = [];
    const busy = [deferred(), deferred()];
    const queue = new GroupQueue<number>(
      (group) => {
        groups.push(group);
        return busy[groups.length - 1]?.promise ?? Promise.resolve();
      },
      { concurrentGroups: 1 },
    );
    queue.push(1);
    await nextTurn();
    for (const n of [2, 3, 4]) {
      queue.push(n);
      await nextTurn();
    }
    expect(groups).toEqual([[1]]);
    busy[0]!.resolve();
    await nextTurn();
    expect(groups).toEqual([[1], [2, 3, 4]]);
  });

  it('keeps groups to maxGroupSize and runs up to concurrentGroups at once', async () => {
    const groups: number[][] = [];
    const gate = deferred();
    const queue = new GroupQueue<number>((group) => (groups.push(group), gate.promise), {
      concurrentGroups: 2,
      maxGroupSize: 2,
    });
    for (const n of [1, 2, 3, 4, 5]) queue.push(n);
    await nextTurn();
    expect(groups).toEqual([
      [1, 2],
      [3, 4],
    ]);
    gate.resolve();
    await nextTurn();
    await nextTurn();
    expect(groups).toEqual([[1, 2], [3, 4], [5]]);
  });
});
