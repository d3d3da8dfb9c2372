import { describe, expect, it } from 'vitest';
import { cacheKeys, cacheTags } from './cache-keys.js';
import { tagsForEvent } from './tags-for-event.js';

describe('tagsForEvent', () => {
  it('maps every event to the tags of the plan', () => {
    expect(tagsForEvent({ type: 'doctor.changed', doctorId: 7 })).toEqual(['doctor:7', 'doctors']);
    expect(
      tagsForEvent({ type: 'sitting.changed', doctorId: 7, slotId: 3, sittingId: 11 }),
    ).toEqual(['doctor:7', 'sitting:11']);
    expect(
      tagsForEvent({
        type: 'appointment.changed',
        appointmentId: 1,
        doctorId: 7,
        sittingId: 11,
        patientId: 5,
        ownerId: 2,
      }),
    ).toEqual(['sitting:11', 'user:2', 'doctor:7', 'doctor-private:7']);
    expect(tagsForEvent({ type: 'patient.changed', patientId: 5, ownerId: 2 })).toEqual(['user:2']);
    expect(tagsForEvent({ type: 'user.changed', userId: 2 })).toEqual(['user:2']);
    expect(tagsForEvent({ type: 'catalog.changed' })).toEqual(['catalog', 'doctors']);
  });

  it('gives each user their own key for the same page', () => {
    expect(cacheKeys.userPatients(2, { limit: 20, offset: 0 })).toContain(':2:');
    expect(cacheKeys.userPatients(2, { limit: 20, offset: 0 })).not.toBe(
      cacheKeys.userPatients(3, { limit: 20, offset: 0 }),
    );
  });

  it('gives different pages of a list different keys', () => {
    expect(cacheKeys.doctorList({ limit: 20, offset: 0 })).not.toBe(
      cacheKeys.doctorList({ limit: 20, offset: 20 }),
    );
  });

  it("tags a doctor's private data with the doctor's id", () => {
    expect(cacheTags.doctorPrivate(7)).toBe('doctor-private:7');
  });
});
