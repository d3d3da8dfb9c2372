import { expect } from 'vitest';
import { errorOf, type Reply } from './api.js';
import type { TestServer } from './harness.js';

/** Asserts an error answer: its status, its code and (some of) the fields it names. */
export function expectError(
  reply: Reply,
  status: number,
  code: string,
  fields: string[] = [],
): void {
  expect(reply.status, reply.text).toBe(status);
  const body = errorOf(reply);
  expect(body.code).toBe(code);
  for (const field of fields) expect(body.errors?.map((e) => e.field)).toContain(field);
}

/** A bearer endpoint answers 401 with a Bearer challenge when no token comes with the request. */
export async function expectUnauthenticated(
  t: TestServer,
  method: string,
  path: string,
): Promise<void> {
  const reply = await t.api.request(method, path, method === 'GET' ? {} : { json: {} });
  expectError(reply, 401, 'UNAUTHENTICATED');
  expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer realm="doctorly"/);
}
