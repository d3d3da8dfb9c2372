import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Actor, PasswordHasher, Weekday } from '@doctorly/core';
import type { Logger } from 'pino';
import type { UseCases } from './use-cases.js';

/** The password of every demo account (embedded default only; documented in the README). @category Composition */
export const demoPassword = 'doctorly-demo';

interface DemoDoctor {
  readonly name: string;
  readonly description: string;
  readonly specializations: readonly string[];
  readonly qualifications: readonly (readonly [name: string, year: number, institute: string])[];
  readonly slots: readonly (readonly [
    day: Weekday,
    start: string,
    duration: number,
    places: number,
    fee: number,
  ])[];
}

const doctors: readonly DemoDoctor[] = [
  {
    name: 'Ayesha Khan',
    description: 'Heart and blood pressure care for adults.',
    specializations: ['cardiologist'],
    qualifications: [
      ['mbbs', 2008, 'Dow University of Health Sciences'],
      ['frcps', 2014, 'Royal College of Physicians'],
    ],
    slots: [
      ['monday', '10:30', 10, 10, 1500],
      ['thursday', '16:00', 15, 8, 1500],
    ],
  },
  {
    name: 'Omar Siddiqui',
    description: 'Children from newborns to teens.',
    specializations: ['pediatrician'],
    qualifications: [['mbbs', 2012, 'King Edward Medical University']],
    slots: [['tuesday', '09:00', 10, 12, 1000]],
  },
  {
    name: "Grace O'Neil",
    description: 'Skin, hair and nails.',
    specializations: ['dermatologist', 'allergist'],
    qualifications: [['md', 2010, 'University of Edinburgh']],
    slots: [['wednesday', '14:00', 20, 6, 2000]],
  },
  {
    name: 'Hamza Baig',
    description: 'Bones, joints and sports injuries.',
    specializations: ['orthopedic surgeon', 'sports medicine specialist'],
    qualifications: [
      ['mbbs', 2005, 'Aga Khan University'],
      ['frcps', 2011, 'Royal College of Surgeons'],
    ],
    slots: [['friday', '11:00', 15, 8, 2500]],
  },
  {
    name: 'Maria Rossi',
    description: 'Family medicine for every age.',
    specializations: ['family physician'],
    qualifications: [['md', 2016, 'Sapienza University of Rome']],
    slots: [
      ['monday', '08:30', 10, 15, 800],
      ['saturday', '10:00', 10, 10, 800],
    ],
  },
  {
    name: 'Li Wei',
    description: 'Migraines, epilepsy and sleep.',
    specializations: ['neurologist'],
    qualifications: [
      ['mbbs', 2009, 'Peking University'],
      ['md', 2013, 'Peking University'],
    ],
    slots: [['tuesday', '15:00', 20, 6, 3000]],
  },
  {
    name: 'Fatima Zahra',
    description: "Women's health and pregnancy.",
    specializations: ['gynecologist', 'obstetrician'],
    qualifications: [['mbbs', 2011, 'Allama Iqbal Medical College']],
    slots: [['wednesday', '09:30', 15, 10, 1800]],
  },
  {
    name: 'David Cohen',
    description: 'Eyes, vision and cataract surgery.',
    specializations: ['ophthalmologist'],
    qualifications: [['md', 2007, 'Hebrew University of Jerusalem']],
    slots: [['thursday', '10:00', 10, 12, 2200]],
  },
  {
    name: 'Sara Ahmed',
    description: 'Anxiety, depression and sleep.',
    specializations: ['psychiatrist'],
    qualifications: [['mbbs', 2013, 'Dow University of Health Sciences']],
    slots: [['friday', '17:00', 30, 4, 3500]],
  },
  {
    name: 'John Miller',
    description: 'Teeth, gums and a calm chair.',
    specializations: ['dentist'],
    qualifications: [['bds', 2015, 'University of Michigan']],
    slots: [['saturday', '09:00', 20, 8, 1200]],
  },
  {
    name: 'Nadia Hussain',
    description: 'Diabetes and thyroid.',
    specializations: ['endocrinologist', 'internist'],
    qualifications: [
      ['mbbs', 2010, 'Khyber Medical College'],
      ['md', 2015, 'Khyber Medical College'],
    ],
    slots: [['sunday', '11:00', 15, 8, 1700]],
  },
  {
    name: 'Carlos Mendes',
    description: 'Asthma and lung health.',
    specializations: ['pulmonologist'],
    qualifications: [['md', 2012, 'University of São Paulo']],
    slots: [
      ['monday', '15:00', 15, 8, 1900],
      ['wednesday', '18:00', 15, 6, 1900],
    ],
  },
];

/** The demo accounts' email: `ayesha.khan@example.com` for "Ayesha Khan". */
export function demoEmail(name: string): string {
  return `${name
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '')}@example.com`;
}

/** The use cases the demo set is loaded through. @category Composition */
export type DemoUseCases = Pick<
  UseCases,
  | 'registerDoctor'
  | 'registerUser'
  | 'addSpecializations'
  | 'addQualifications'
  | 'addSlot'
  | 'registerPatient'
  | 'bookAppointment'
>;

/**
 * {@link demoPassword} hashed once at the OWASP cost (scrypt N=2^14, r=8, p=5), made with
 * the runtime's `ScryptPasswordHasher`: the demo accounts of an embedded start at that cost
 * are stored with it, so loading the demo set hashes nothing. Each scrypt hash takes a good
 * fraction of a second of CPU: thirteen of them were most of the embedded default's
 * start-up time (and, at the former N=2^17, its memory peak). The password is published
 * in the README, so a salt shared by every installation reveals nothing.
 */
export const demoPasswordOwaspHash =
  'scrypt$16384$8$5$CeFndC5mmpqkyWTRA5dankmE05SC2dsVDAqub0oKn7g=$SUeytwpBz6+Hx/sS3xt1U7rSGzI1yGAAwBOs9oD909k=';

/**
 * The {@link PasswordHasher} the demo accounts are registered with: hands out a known hash
 * of a password when it has one ({@link demoPasswordOwaspHash} at the OWASP cost), else
 * hashes each password once and hands the same hash out again (the accounts all share
 * {@link demoPassword}). Verification is the runtime hasher's.
 * @category Composition
 */
export class DemoPasswordHasher implements PasswordHasher {
  private readonly hashes = new Map<string, Promise<string>>();

  constructor(
    private readonly hasher: PasswordHasher,
    known: Readonly<Record<string, string>> = {},
  ) {
    for (const [password, hash] of Object.entries(known))
      this.hashes.set(password, Promise.resolve(hash));
  }

  hash(password: string): Promise<string> {
    let hash = this.hashes.get(password);
    if (!hash) {
      hash = this.hasher.hash(password);
      this.hashes.set(password, hash);
      // A failed hash is not kept: the next call tries again.
      hash.catch(() => this.hashes.delete(password));
    }
    return hash;
  }

  verify(password: string, hash: string): Promise<boolean> {
    return this.hasher.verify(password, hash);
  }
}

/** What the demo set holds, for the start-up log. */
export interface DemoDataSummary {
  readonly doctors: number;
  readonly slots: number;
  readonly patients: number;
  readonly appointments: number;
}

/**
 * Loads a small demo set through the use cases (so it obeys every rule): 12 doctors with
 * specializations, qualifications and weekly slots on every weekday, and a user "Demo
 * Patient" (`demo.patient@example.com`) with two patients booked into two sittings, so
 * search and timings show something on a fresh embedded start. Every password is
 * {@link demoPassword}.
 * @category Composition
 */
export async function loadDemoData(
  useCases: DemoUseCases,
  logger: Logger,
): Promise<DemoDataSummary> {
  // One at a time, each after a turn of the event loop: PGlite answers without real I/O, so
  // a chain of use cases would otherwise hold the loop (the server's listen, the requests
  // meanwhile) until the whole set is in. PGlite runs one query at a time anyway.
  const registered = [];
  for (const doctor of doctors) {
    await nextTurn();
    registered.push(
      await useCases.registerDoctor.execute({
        name: doctor.name,
        email: demoEmail(doctor.name),
        password: demoPassword,
        description: doctor.description,
      }),
    );
  }
  const slotIds: number[] = [];
  for (const [index, doctor] of doctors.entries()) {
    const actor: Actor = { userId: registered[index]!.user.id, role: 'user' };
    await nextTurn();
    await useCases.addSpecializations.execute(actor, {
      specialization_name: [...doctor.specializations],
    });
    await nextTurn();
    await useCases.addQualifications.execute(actor, {
      qualification_name: doctor.qualifications.map(([name]) => name),
      procurement_year: doctor.qualifications.map(([, year]) => year),
      institute_name: doctor.qualifications.map(([, , institute]) => institute),
    });
    for (const [day, start, duration, places, fee] of doctor.slots) {
      await nextTurn();
      const slot = await useCases.addSlot.execute(actor, {
        day,
        start,
        appointment_duration: duration,
        num_slots: places,
        consultation_fee: fee,
      });
      slotIds.push(slot.id);
    }
  }
  await nextTurn();
  const user = await useCases.registerUser.execute({
    name: 'Demo Patient',
    email: demoEmail('Demo Patient'),
    password: demoPassword,
  });
  const owner: Actor = { userId: user.id, role: 'user' };
  await nextTurn();
  const first = await useCases.registerPatient.execute(owner, {
    name: 'Demo Patient',
    age: 34,
    gender: 'female',
    symptoms: 'Recurring headaches',
  });
  await nextTurn();
  const patients = [
    first,
    await useCases.registerPatient.execute(owner, {
      name: 'Ali (son)',
      age: 7,
      gender: 'male',
      symptoms: 'Cough for a week',
    }),
  ];
  const bookings: [number, number | undefined][] = [
    [patients[0]!.id, slotIds[0]],
    [patients[1]!.id, slotIds[2]],
  ];
  let appointments = 0;
  for (const [patientId, slotId] of bookings) {
    if (slotId === undefined) continue;
    try {
      await nextTurn();
      await useCases.bookAppointment.execute(owner, { patient_id: patientId, slot_id: slotId });
      appointments += 1;
    } catch (error) {
      // A booking can only fail for a reason of the moment (cutoff…): the demo stays useful.
      logger.warn({ err: error }, 'demo booking skipped');
    }
  }
  return {
    doctors: registered.length,
    slots: slotIds.length,
    patients: patients.length,
    appointments,
  };
}
