import { describe, expect, it } from 'vitest';
import { Presenter, withPathFields } from './present.js';
import { koaPath } from './route.js';

describe('Presenter', () => {
  const present = new Presenter('https://api.example.com');

  it('makes stored image paths absolute and leaves null and absolute URLs alone', () => {
    expect(present.image('/static/doctors/a.png')).toBe('https://api.example.com/static/doctors/a.png');
    expect(present.image('static/doctors/a.png')).toBe('https://api.example.com/static/doctors/a.png');
    expect(present.image(null)).toBeNull();
    expect(present.image('https://cdn.example.com/a.png')).toBe('https://cdn.example.com/a.png');
    expect(present.specialization({ id: 1, name: 'allergist', image: '/static/specializations/b.jpg' }).image).toBe(
      'https://api.example.com/static/specializations/b.jpg',
    );
  });
});

describe('withPathFields', () => {
  it('merges path fields into an object body and leaves other bodies to fail validation', () => {
    expect(withPathFields({ reason: 'x', id: 9 }, { id: '3' })).toEqual({ reason: 'x', id: '3' });
    expect(withPathFields([1], { id: '3' })).toEqual([1]);
    expect(withPathFields('text', { id: '3' })).toBe('text');
  });
});

describe('koaPath', () => {
  it('turns OpenAPI templates into Koa parameters', () => {
    expect(koaPath('/doctors/appointments/{id}/check_in')).toBe('/doctors/appointments/:id/check_in');
    expect(koaPath('/static/{folder}/{file}')).toBe('/static/:folder/:file');
  });
});
