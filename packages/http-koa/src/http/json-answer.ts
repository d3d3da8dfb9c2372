import type { Context } from 'koa';

/** The rendered JSON of frozen values, kept for as long as each value lives. */
const rendered = new WeakMap<object, Buffer>();

const jsonType = 'application/json; charset=utf-8';

/**
 * Answers `value` as JSON. A frozen value is a shared, deep-frozen one (a cached value, or its
 * presented form: the `Cache` port's contract): it cannot change, so its JSON is rendered once
 * and the same bytes answer every later read of it, for as long as the value lives (a
 * `WeakMap`: the bytes go with it). On a hot cached read, serialising was a tenth of the
 * server's CPU (issue 9). Any other value is serialised by Koa, as usual.
 */
export function answerJson(ctx: Context, value: unknown): void {
  if (typeof value !== 'object' || value === null || !Object.isFrozen(value)) {
    ctx.body = value;
    return;
  }
  let bytes = rendered.get(value);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(value));
    rendered.set(value, bytes);
  }
  // The type first: Koa would call a Buffer `application/octet-stream`.
  ctx.set('Content-Type', jsonType);
  ctx.body = bytes;
}
