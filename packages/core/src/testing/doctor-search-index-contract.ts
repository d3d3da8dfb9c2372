import { beforeAll, describe, expect, it } from 'vitest';
import type { DoctorSearchIndex, DoctorSearchQuery } from '../search/doctor-search-index.js';
import type { DoctorView } from '../doctors/doctor-view.js';
import { suiteSubject, type ContractSubject } from './contract-support.js';
import type { DoctorFixture } from './doctor-fixtures.js';
import { describeSearchMaintenance } from './doctor-search-index-contract-maintenance.js';

/**
 * What {@link describeDoctorSearchIndexContract} runs against: an EMPTY index (no doctors:
 * totals are checked exactly) and a way to load doctors into it — `upsertSeeder` for
 * indexes fed by upsert, `repositorySeeder` for PostgreSQL. `seed` returns the views.
 * @category Testing
 */
export interface DoctorSearchSubject extends ContractSubject {
  readonly index: DoctorSearchIndex;
  seed(fixtures: readonly DoctorFixture[]): Promise<DoctorView[]>;
}

/** The doctors every search test looks for. Experience years are far apart, so `now` barely matters. @category Testing */
export const searchFixtures: readonly DoctorFixture[] = [
  {
    name: 'Zara Khan',
    specializations: ['cardiologist'],
    qualifications: [{ name: 'mbbs', procurementDate: '2016-05-01' }],
    days: ['monday'],
    ratings: [5, 4],
  },
  {
    name: 'Ayesha Siddiqui',
    specializations: ['dermatologist', 'cardiologist'],
    days: ['tuesday', 'thursday'],
    ratings: [5, 5, 4],
    qualifications: [
      { name: 'mbbs', procurementDate: '2010-01-10' },
      { name: 'md', procurementDate: '2014-03-01', institute: 'Aga Khan University' },
    ],
  },
  {
    name: "Imran O'Neil-Baig",
    specializations: ['neurologist'],
    qualifications: [{ name: 'frcps', procurementDate: '2005-07-01' }],
    days: ['wednesday'],
    ratings: [3],
  },
  {
    name: 'Bilal Ahmed',
    specializations: ['cardiologist'],
    qualifications: [{ name: 'bds', procurementDate: '2020-02-01' }],
    days: ['monday', 'friday'],
  },
  {
    name: 'Zainab Raza',
    specializations: ['pediatrician'],
    qualifications: [{ name: 'mbbs', procurementDate: '2018-09-01' }],
    days: ['saturday'],
    ratings: [2, 3],
  },
  {
    name: 'Omar Farooq',
    specializations: ['cardiologist', 'neurologist'],
    qualifications: [{ name: 'md', procurementDate: '2000-01-01' }],
    days: ['monday'],
    ratings: [4],
  },
  { name: 'Mariam Zafar', specializations: ['dermatologist'] },
];

/**
 * The contract of the {@link DoctorSearchIndex} port: name by word prefix and one typo,
 * punctuation, filters (AND), sorts, paging with totals, hostile input treated as data,
 * `get`/`ids`, and — for engines that hold documents — upsert and remove. `makeSubject`
 * is called once; the suite seeds {@link searchFixtures} once, then only reads (the
 * maintenance tests at the end add and remove a doctor of their own).
 * @category Testing
 */
export function describeDoctorSearchIndexContract(
  name: string,
  makeSubject: () => Promise<DoctorSearchSubject>,
): void {
  describe(`DoctorSearchIndex contract: ${name}`, () => {
    const subject = suiteSubject(makeSubject);
    let views: DoctorView[] = [];
    beforeAll(async () => {
      await subject().index.prepare();
      await subject().index.prepare();
      views = await subject().seed(searchFixtures);
    });
    const search = (query: Partial<DoctorSearchQuery>) =>
      subject().index.search({ sort: 'name', order: 'asc', limit: 100, offset: 0, ...query });
    const names = async (query: Partial<DoctorSearchQuery>) =>
      (await search(query)).items.map((d) => d.user.name);

    describe('name', () => {
      it('finds doctors by a word prefix, in any case', async () => {
        expect(await names({ name: 'zar' })).toContain('Zara Khan');
        expect(await names({ name: 'ZARA' })).toContain('Zara Khan');
        expect(await names({ name: 'khan' })).toEqual(['Zara Khan']);
        expect(await names({ name: 'siddi' })).toEqual(['Ayesha Siddiqui']);
        expect(await names({ name: 'zar' })).not.toContain('Bilal Ahmed');
      });

      it('tolerates one typo', async () => {
        expect(await names({ name: 'ayesa' })).toContain('Ayesha Siddiqui');
        expect(await names({ name: 'farook' })).toContain('Omar Farooq');
        expect(await names({ name: 'siddiqi' })).toContain('Ayesha Siddiqui');
      });

      it('requires every word of a multi-word name', async () => {
        expect(await names({ name: 'zara khan' })).toEqual(['Zara Khan']);
        expect(await names({ name: 'ayesha sidd' })).toEqual(['Ayesha Siddiqui']);
        expect(await names({ name: 'zara ahmed' })).toEqual([]);
      });

      it('reads punctuation as a word separator', async () => {
        expect(await names({ name: 'neil baig' })).toEqual(["Imran O'Neil-Baig"]);
        expect(await names({ name: 'Neil-Baig' })).toEqual(["Imran O'Neil-Baig"]);
        expect(await names({ name: "O'Neil-Baig" })).toEqual(["Imran O'Neil-Baig"]);
        expect(await names({ name: 'baig, imran!' })).toEqual(["Imran O'Neil-Baig"]);
      });

      it('finds nothing for a name that matches no doctor', async () => {
        expect(await search({ name: 'qwertyuiop' })).toEqual({ items: [], total: 0 });
      });
    });

    describe('filters', () => {
      it('filters by specialization, qualification and weekday', async () => {
        expect(await names({ specialization: 'cardiologist' })).toEqual([
          'Ayesha Siddiqui',
          'Bilal Ahmed',
          'Omar Farooq',
          'Zara Khan',
        ]);
        expect(await names({ specialization: 'infectious disease specialist' })).toEqual([]);
        expect(await names({ qualification: 'md' })).toEqual(['Ayesha Siddiqui', 'Omar Farooq']);
        expect(await names({ qualification: 'mbbs' })).toEqual([
          'Ayesha Siddiqui',
          'Zainab Raza',
          'Zara Khan',
        ]);
        expect(await names({ day: 'monday' })).toEqual(['Bilal Ahmed', 'Omar Farooq', 'Zara Khan']);
        expect(await names({ day: 'thursday' })).toEqual(['Ayesha Siddiqui']);
        expect(await names({ day: 'sunday' })).toEqual([]);
      });

      it('combines every given filter with AND', async () => {
        expect(await names({ specialization: 'cardiologist', day: 'monday' })).toEqual([
          'Bilal Ahmed',
          'Omar Farooq',
          'Zara Khan',
        ]);
        expect(
          await names({ specialization: 'cardiologist', day: 'monday', qualification: 'mbbs' }),
        ).toEqual(['Zara Khan']);
        expect(
          await names({ specialization: 'neurologist', qualification: 'md', name: 'omar' }),
        ).toEqual(['Omar Farooq']);
        expect(await names({ specialization: 'dermatologist', name: 'omar' })).toEqual([]);
        expect(await names({ name: 'za', day: 'saturday' })).toEqual(['Zainab Raza']);
      });
    });

    describe('sort and paging', () => {
      it('sorts by name both ways', async () => {
        const ascending = [
          'Ayesha Siddiqui',
          'Bilal Ahmed',
          "Imran O'Neil-Baig",
          'Mariam Zafar',
          'Omar Farooq',
          'Zainab Raza',
          'Zara Khan',
        ];
        expect(await names({ sort: 'name', order: 'asc' })).toEqual(ascending);
        expect(await names({ sort: 'name', order: 'desc' })).toEqual([...ascending].reverse());
      });

      it('sorts by experience both ways', async () => {
        const descending = [
          'Omar Farooq',
          "Imran O'Neil-Baig",
          'Ayesha Siddiqui',
          'Zara Khan',
          'Zainab Raza',
          'Bilal Ahmed',
          'Mariam Zafar',
        ];
        expect(await names({ sort: 'experience', order: 'desc' })).toEqual(descending);
        expect(await names({ sort: 'experience', order: 'asc' })).toEqual(
          [...descending].reverse(),
        );
      });

      it('sorts by rating both ways (where doctors without ratings go is left to the engine)', async () => {
        const rated = (list: DoctorView[]) =>
          list.filter((d) => d.rating !== null).map((d) => d.user.name);
        const desc = await search({
          specialization: 'cardiologist',
          sort: 'rating',
          order: 'desc',
        });
        expect(desc.total).toBe(4);
        expect(rated([...desc.items])).toEqual(['Ayesha Siddiqui', 'Zara Khan', 'Omar Farooq']);
        const asc = await search({ sort: 'rating', order: 'asc' });
        expect(rated([...asc.items])).toEqual([
          'Zainab Raza',
          "Imran O'Neil-Baig",
          'Omar Farooq',
          'Zara Khan',
          'Ayesha Siddiqui',
        ]);
      });

      it('pages with the total of all matches', async () => {
        expect(await search({ limit: 3, offset: 2 })).toMatchObject({ total: 7 });
        expect(await names({ limit: 3, offset: 2 })).toEqual([
          "Imran O'Neil-Baig",
          'Mariam Zafar',
          'Omar Farooq',
        ]);
        expect(await search({ specialization: 'cardiologist', limit: 2, offset: 3 })).toMatchObject(
          { total: 4, items: [{ user: { name: 'Zara Khan' } }] },
        );
        expect(await search({ limit: 5, offset: 10 })).toEqual({ items: [], total: 7 });
      });

      it('returns whole doctor views, as seeded', async () => {
        const byName = [...views].sort((a, b) => a.user.name.localeCompare(b.user.name));
        expect((await search({})).items).toEqual(byName);
        expect(views.find((v) => v.user.name === 'Ayesha Siddiqui')).toMatchObject({
          rating: 4.67,
          rating_count: 3,
          qualifications: { qualification_name: ['mbbs', 'md'] },
        });
      });
    });

    describe('hostile input', () => {
      const hostile = [
        '`@name:*) | (`',
        '{}',
        '%',
        "'; drop table doctors; --",
        '*',
        '@user_name:{*}',
        '\\',
        '"',
        '%%ayesa%%',
        '(|)',
        '-zara',
      ];
      it.each(hostile)(
        'treats %s as data: no error, nothing but genuine matches',
        async (input) => {
          for (const query of [
            { name: input },
            { specialization: input },
            { qualification: input },
          ]) {
            const result = await search(query);
            const genuine =
              query.name !== undefined && /ayesa|zara/.test(input)
                ? ['Ayesha Siddiqui', 'Zara Khan']
                : [];
            expect(result.items.every((d) => genuine.includes(d.user.name))).toBe(true);
            expect(result.total).toBe(result.items.length);
          }
        },
      );
    });

    describeSearchMaintenance(subject, () => views);
  });
}
