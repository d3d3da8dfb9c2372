// GET /board/sittings/{id}: one self-contained page under a strict CSP. Its behaviour in a
// browser is tested in live-page.browser.integration.test.ts.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../test-support/expect.js';
import { startTestServer, type TestServer } from '../test-support/harness.js';
import { bookedSitting } from '../test-support/live.js';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('GET /board/sittings/{id}', () => {
  it('answers an HTML page whose CSP allows only its own inline style and script', async () => {
    const { sittingId } = await bookedSitting(t.api, { bookings: 1 });
    const reply = await t.api.get(`/board/sittings/${sittingId}`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = reply.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    const style = /<style>([\s\S]*?)<\/style>/.exec(reply.text)?.[1] ?? '';
    const script = /<script>([\s\S]*?)<\/script>/.exec(reply.text)?.[1] ?? '';
    expect(csp).toContain(`style-src ${sha256(style)}`);
    expect(csp).toContain(`script-src ${sha256(script)}`);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('loads nothing from anywhere: no external script, style, image, font or link', async () => {
    const { sittingId } = await bookedSitting(t.api, { bookings: 1 });
    const { text } = await t.api.get(`/board/sittings/${sittingId}`);
    expect(text).not.toMatch(/\b(src|href)\s*=/i);
    expect(text).not.toMatch(/https?:\/\//);
    expect(text).not.toMatch(/@import|url\(/);
  });

  it('answers an unknown sitting 404, with the page (which says so itself)', async () => {
    const reply = await t.api.get('/board/sittings/987654321');
    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('answers a malformed id 400 VALIDATION_FAILED', async () => {
    expectError(await t.api.get('/board/sittings/not-a-number'), 400, 'VALIDATION_FAILED', ['id']);
  });
});

describe('/openapi.json', () => {
  it('documents the streams as text/event-stream and the page as text/html', async () => {
    type Op = { responses: Record<string, { content?: Record<string, unknown> }> };
    const { paths } = (
      await t.api.get<{ paths: Record<string, Record<string, Op>> }>('/openapi.json')
    ).body;
    const content = (path: string) =>
      Object.keys(paths[path]?.get?.responses['200']?.content ?? {});
    expect(content('/sittings/{id}/board/live')).toEqual(['text/event-stream']);
    expect(content('/patient/appointment/{id}/live')).toEqual(['text/event-stream']);
    expect(content('/board/sittings/{id}')).toEqual(['text/html']);
    expect(Object.keys(paths['/patient/appointment/{id}/live']?.get?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '401', '404']),
    );
  });
});
