import { Faker, en } from '@faker-js/faker';
import { upcomingSittings, weekdays, type BookingPolicy, type Weekday } from '@doctorly/core';

/** A catalog entry as the demo generator picks from it. */
export interface CatalogEntry {
  readonly id: number;
  readonly name: string;
}

/** A demo doctor before insertion (ids of the catalog, none of its own yet). @category Demo data */
export interface DemoDoctor {
  readonly name: string;
  readonly email: string;
  readonly description: string;
  readonly specializationIds: readonly number[];
  readonly qualifications: readonly {
    readonly id: number;
    readonly date: string;
    readonly institute: string;
  }[];
  readonly slots: readonly DemoSlot[];
}

/** A weekly slot of a demo doctor, with its upcoming sittings already computed. @category Demo data */
export interface DemoSlot {
  readonly day: Weekday;
  readonly start: string;
  readonly durationMinutes: number;
  readonly places: number;
  readonly fee: number;
  readonly timeZone: string;
  readonly sittings: readonly {
    readonly date: string;
    readonly startsAt: Date;
    readonly endsAt: Date;
  }[];
}

/** A demo user who books for their patients. @category Demo data */
export interface DemoPatientOwner {
  readonly name: string;
  readonly email: string;
  readonly patients: readonly {
    readonly name: string;
    readonly age: number;
    readonly gender: 'male' | 'female' | 'other';
    readonly symptoms: string;
  }[];
}

const institutes = [
  'Dow University of Health Sciences',
  'King Edward Medical University',
  'Aga Khan University',
  'University of Edinburgh',
  'Royal College of Physicians',
  'Sapienza University of Rome',
  'Peking University',
  'Allama Iqbal Medical College',
  'Hebrew University of Jerusalem',
  'University of Michigan',
  'Khyber Medical College',
  'University of São Paulo',
  'Karolinska Institute',
  'University of Toronto',
  'Charité – Universitätsmedizin Berlin',
  'University of Cape Town',
  'All India Institute of Medical Sciences',
  'University of Melbourne',
  'Seoul National University',
  'Cairo University',
];
const symptoms = [
  'persistent cough',
  'headache for three days',
  'lower back pain',
  'skin rash',
  'fever and chills',
  'sore throat',
  'shortness of breath',
  'routine check-up',
  'knee pain after running',
  'trouble sleeping',
  'blurred vision',
  'toothache',
];
const durations = [10, 15, 20, 30];

/** Options of {@link DemoGenerator}. @category Demo data */
export interface DemoGeneratorOptions {
  readonly seed: number;
  readonly now: Date;
  readonly policy: BookingPolicy;
  readonly timeZone: string;
  /** Makes emails unique across runs (e.g. the highest user id before this run). */
  readonly emailBase: number;
  readonly specializations: readonly CatalogEntry[];
  readonly qualifications: readonly CatalogEntry[];
}

/**
 * Realistic demo doctors and patients from a seeded faker: the same seed gives the same
 * people, specializations, qualifications and weekly slots (1–3 per doctor, on different
 * weekdays, so they never overlap, and ending by midnight).
 * @category Demo data
 */
export class DemoGenerator {
  private readonly faker = new Faker({ locale: [en] });
  private doctorCount = 0;
  private ownerCount = 0;
  private readonly startCache = new Map<string, readonly { date: string; startsAt: Date }[]>();

  constructor(private readonly options: DemoGeneratorOptions) {
    this.faker.seed(options.seed);
  }

  doctor(): DemoDoctor {
    const f = this.faker;
    const first = f.person.firstName();
    const last = f.person.lastName();
    const n = this.options.emailBase + ++this.doctorCount;
    const specializations = f.helpers.arrayElements(this.options.specializations, {
      min: 1,
      max: 3,
    });
    const qualifications = f.helpers
      .arrayElements(this.options.qualifications, { min: 1, max: 3 })
      .map((q) => ({
        id: q.id,
        date: f.date.between({ from: '1985-01-01', to: '2024-12-31' }).toISOString().slice(0, 10),
        institute: f.helpers.arrayElement(institutes),
      }));
    const days = f.helpers.arrayElements(weekdays, { min: 1, max: 3 });
    return {
      name: `${first} ${last}`,
      email: `${slug(first)}.${slug(last)}.${n}@example.com`,
      description: `${capitalize(specializations.map((s) => s.name).join(' and '))}. ${f.company.catchPhrase()}.`,
      specializationIds: specializations.map((s) => s.id),
      qualifications,
      slots: days.map((day) => this.slot(day)),
    };
  }

  owner(): DemoPatientOwner {
    const f = this.faker;
    const first = f.person.firstName();
    const last = f.person.lastName();
    const n = this.options.emailBase + ++this.ownerCount;
    const patients = Array.from({ length: f.number.int({ min: 1, max: 3 }) }, (_, i) => {
      const sex = f.person.sex() as 'male' | 'female';
      return {
        name: i === 0 ? `${first} ${last}` : `${f.person.firstName(sex)} ${last}`,
        age: i === 0 ? f.number.int({ min: 18, max: 90 }) : f.number.int({ min: 0, max: 90 }),
        gender: f.helpers.weightedArrayElement([
          { weight: 49, value: sex },
          { weight: 2, value: 'other' as const },
        ]),
        symptoms: f.helpers.arrayElement(symptoms),
      };
    });
    return {
      name: `${first} ${last}`,
      email: `${slug(first)}.${slug(last)}.p${n}@example.com`,
      patients,
    };
  }

  /** One item of `items`, at random (for bookings). */
  pick<T>(items: readonly T[]): T {
    return this.faker.helpers.arrayElement(items);
  }

  chance(probability: number): boolean {
    return this.faker.datatype.boolean({ probability });
  }

  private slot(day: Weekday): DemoSlot {
    const f = this.faker;
    const durationMinutes = f.helpers.arrayElement(durations);
    const places = f.number.int({ min: 4, max: 12 });
    // Starts on the half hour from 08:00 to 18:00: with at most 12 × 30 minutes it ends by midnight.
    const startMinutes = 8 * 60 + 30 * f.number.int({ min: 0, max: 20 });
    const start = `${String(Math.floor(startMinutes / 60)).padStart(2, '0')}:${String(startMinutes % 60).padStart(2, '0')}`;
    const shape = { day, start, durationMinutes, places, timeZone: this.options.timeZone };
    const lengthMs = durationMinutes * places * 60_000;
    const sittings = this.starts(day, start).map((s) => ({
      ...s,
      endsAt: new Date(s.startsAt.getTime() + lengthMs),
    }));
    return { ...shape, fee: 100 * f.number.int({ min: 5, max: 50 }), sittings };
  }

  /**
   * The upcoming sittings' dates and starts of a weekday and start time, computed once:
   * which dates are open depends on the start only, and the end is the start plus the
   * sitting's length (as core's `sittingTimes` has it). Computing them per slot costs about
   * a millisecond each (time zone arithmetic): half a minute for 10,000 doctors.
   */
  private starts(day: Weekday, start: string): readonly { date: string; startsAt: Date }[] {
    const key = `${day} ${start}`;
    let starts = this.startCache.get(key);
    if (!starts) {
      const shape = { day, start, durationMinutes: 1, places: 1, timeZone: this.options.timeZone };
      starts = upcomingSittings(shape, this.options.now, this.options.policy, new Set()).map(
        (t) => ({ date: t.date, startsAt: t.startsAt }),
      );
      this.startCache.set(key, starts);
    }
    return starts;
  }
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
