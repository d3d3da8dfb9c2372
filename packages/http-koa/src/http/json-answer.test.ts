import type { AddressInfo } from 'node:net';
import { deepFreeze } from '@doctorly/core';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { answerJson } from './json-answer.js';

/** What the app answers next. */
let next: unknown;
let server: ReturnType<Koa['listen']>;
let base: string;

beforeAll(async () => {
  const app = new Koa();
  app.use((ctx) => answerJson(ctx, next));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

async function answer(): Promise<{ type: string | null; text: string }> {
  const response = await fetch(base);
  return { type: response.headers.get('content-type'), text: await response.text() };
}

describe('answerJson', () => {
  it('answers a frozen value as JSON, rendered once while the value lives', async () => {
    const value = deepFreeze({ id: 7, name: 'Zara Ahmed ✓', slots: [{ day: 'monday' }] });
    next = value;
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      const first = await answer();
      const second = await answer();
      expect(first).toEqual({
        type: 'application/json; charset=utf-8',
        text: '{"id":7,"name":"Zara Ahmed ✓","slots":[{"day":"monday"}]}',
      });
      expect(second).toEqual(first);
      // fetch, in this process too, serialises things of its own: count the value's renders only.
      expect(stringify.mock.calls.filter(([argument]) => argument === value)).toHaveLength(1);
    } finally {
      stringify.mockRestore();
    }
  });

  it('answers any other value through Koa, serialised each time, so a change shows', async () => {
    const value = { id: 8, list: [1] };
    next = value;
    expect(await answer()).toEqual({
      type: 'application/json; charset=utf-8',
      text: '{"id":8,"list":[1]}',
    });
    value.list.push(2);
    expect((await answer()).text).toBe('{"id":8,"list":[1,2]}');
    next = deepFreeze([1, 'two']);
    expect(await answer()).toEqual({ type: 'application/json; charset=utf-8', text: '[1,"two"]' });
  });
});
