import { describe, expect, it } from 'vitest';
import { koaPath } from './koa-path.js';

describe('koaPath', () => {
  it('turns OpenAPI templates into Koa parameters', () => {
    expect(koaPath('/doctors/appointments/{id}/check_in')).toBe(
      '/doctors/appointments/:id/check_in',
    );
    expect(koaPath('/static/{folder}/{file}')).toBe('/static/:folder/:file');
  });
});
