import { describe, expect, it } from 'vitest';
import { AddQualificationsInput, AddSlotInput, AddSpecializationsInput } from './doctor-schemas.js';

const slot = {
  day: 'Monday',
  start: '10:30',
  consultation_fee: 1000,
  appointment_duration: 10,
  num_slots: 10,
};

function issuesOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[] }[] };
}): string[] {
  return (result.error?.issues ?? []).map((issue) => issue.path.join('.'));
}

describe('AddSlotInput', () => {
  it('parses a slot, normalising the weekday and the time zone', () => {
    expect(AddSlotInput.parse({ ...slot, time_zone: 'asia/karachi' })).toEqual({
      day: 'monday',
      start: '10:30',
      consultation_fee: 1000,
      appointment_duration: 10,
      num_slots: 10,
      time_zone: 'Asia/Karachi',
    });
    expect(AddSlotInput.parse(slot).time_zone).toBeUndefined();
  });

  it('refuses bad times, days, zones and bounds, naming the field', () => {
    expect(issuesOf(AddSlotInput.safeParse({ ...slot, start: '24:00' }))).toEqual(['start']);
    expect(issuesOf(AddSlotInput.safeParse({ ...slot, start: '9:30' }))).toEqual(['start']);
    expect(issuesOf(AddSlotInput.safeParse({ ...slot, day: 'funday' }))).toEqual(['day']);
    expect(issuesOf(AddSlotInput.safeParse({ ...slot, time_zone: 'Mars/Olympus' }))).toEqual([
      'time_zone',
    ]);
    expect(issuesOf(AddSlotInput.safeParse({ ...slot, appointment_duration: 0 }))).toEqual([
      'appointment_duration',
    ]);
    expect(issuesOf(AddSlotInput.safeParse({ ...slot, appointment_duration: 2.5 }))).toEqual([
      'appointment_duration',
    ]);
    expect(issuesOf(AddSlotInput.safeParse({ ...slot, num_slots: 201 }))).toEqual(['num_slots']);
    expect(issuesOf(AddSlotInput.safeParse({ ...slot, consultation_fee: -1 }))).toEqual([
      'consultation_fee',
    ]);
    expect(issuesOf(AddSlotInput.safeParse({ ...slot, extra: 1 }))).toEqual(['']);
  });

  it('refuses a slot that crosses midnight and accepts one ending at midnight', () => {
    expect(issuesOf(AddSlotInput.safeParse({ ...slot, start: '23:00', num_slots: 7 }))).toEqual([
      'num_slots',
    ]);
    expect(AddSlotInput.safeParse({ ...slot, start: '23:00', num_slots: 6 }).success).toBe(true);
  });
});

describe('AddQualificationsInput', () => {
  const valid = {
    qualification_name: ['MBBS', 'md'],
    procurement_year: ['2019-08-24', '2021'],
    institute_name: ['Dow', 'Aga Khan'],
  };

  it('normalises names and reads a bare year as 1 January', () => {
    expect(
      AddQualificationsInput.parse({ ...valid, procurement_year: ['2019-08-24', 2021] }),
    ).toEqual({
      qualification_name: ['mbbs', 'md'],
      procurement_year: ['2019-08-24', '2021-01-01'],
      institute_name: ['Dow', 'Aga Khan'],
    });
  });

  it('refuses arrays of different lengths on the shorter field', () => {
    expect(
      issuesOf(AddQualificationsInput.safeParse({ ...valid, institute_name: ['Dow'] })),
    ).toEqual(['institute_name']);
  });

  it('refuses dates that do not exist', () => {
    const result = AddQualificationsInput.safeParse({
      ...valid,
      procurement_year: ['2019-02-30', '2021'],
    });
    expect(issuesOf(result)).toEqual(['procurement_year.0']);
  });
});

describe('AddSpecializationsInput', () => {
  it('normalises names and needs at least one', () => {
    expect(AddSpecializationsInput.parse({ specialization_name: [' Plastic   SURGEON'] })).toEqual({
      specialization_name: ['plastic surgeon'],
    });
    expect(AddSpecializationsInput.safeParse({ specialization_name: [] }).success).toBe(false);
  });
});
