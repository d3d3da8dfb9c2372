import { deepFreeze, type DoctorView } from '@doctorly/core';
import { describe, expect, it } from 'vitest';
import { Presenter } from './presenter.js';

describe('Presenter', () => {
  const present = new Presenter('https://api.example.com');

  it('makes stored image paths absolute and leaves null and absolute URLs alone', () => {
    expect(present.image('/static/doctors/a.png')).toBe(
      'https://api.example.com/static/doctors/a.png',
    );
    expect(present.image('static/doctors/a.png')).toBe(
      'https://api.example.com/static/doctors/a.png',
    );
    expect(present.image(null)).toBeNull();
    expect(present.image('https://cdn.example.com/a.png')).toBe('https://cdn.example.com/a.png');
    expect(
      present.specialization({ id: 1, name: 'allergist', image: '/static/specializations/b.jpg' })
        .image,
    ).toBe('https://api.example.com/static/specializations/b.jpg');
  });

  it('presents a frozen (cached) view once, frozen too, and any other view afresh each time', () => {
    const view = {
      id: 1,
      image: '/static/doctors/a.png',
      slot: [{ id: 2 }],
    } as unknown as DoctorView;
    const fresh = present.doctor(view);
    expect(fresh.image).toBe('https://api.example.com/static/doctors/a.png');
    expect(present.doctor(view)).not.toBe(fresh);
    expect(Object.isFrozen(fresh)).toBe(false);
    const cached = deepFreeze({ ...view });
    const once = present.doctor(cached);
    expect(present.doctor(cached)).toBe(once);
    expect(once).toEqual(fresh);
    expect(Object.isFrozen(once)).toBe(true);
    const page = deepFreeze({ items: [cached], total: 1 });
    expect(present.doctors(page)).toBe(present.doctors(page));
    expect(present.doctors(page).items[0]).toBe(once);
  });
});
