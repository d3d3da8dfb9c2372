import { createRequire } from 'node:module';
import type { DoctorSearchQuery, DoctorView } from '@doctorly/core';
import { InMemoryDoctorSearchIndex } from '@doctorly/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromDocument,
  indexFieldsOf,
  parsePathReply,
  toDocument,
  type DoctorDocument,
} from './doctor-document.js';
import { compareCandidates, indexedWords, nameRank, type Candidate } from './doctor-ordering.js';
import { RedisDoctorSearchIndex, type SearchRedisClient } from './redis-doctor-search-index.js';
import { wordsOf } from './query-builder.js';

// node-redis' own FT.CREATE argument builder: what prepare() really sends.
const require = createRequire(import.meta.url);
const ftCreate = require('@redis/search/dist/commands/CREATE.js') as {
  transformArguments(index: string, schema: unknown, options: unknown): string[];
};

function view(id: number, name: string, rating: number | null, experience: number): DoctorView {
  return {
    id,
    user: {
      id: id + 100,
      name,
      email: `d${id}@example.test`,
      registered_at: '2026-01-05T09:00:00.000Z',
      confirmed: false,
      role: 'user',
    },
    description: 'A doctor',
    image: null,
    experience,
    rating,
    rating_count: rating === null ? 0 : 2,
    no_of_patients: 0,
    specializations: [{ id: 1, name: 'infectious disease specialist' }],
    qualifications: {
      qualification_name: ['mbbs'],
      procurement_year: ['2019-08-24'],
      institute_name: ['Dow'],
    },
    slot: [
      {
        id: 3,
        day: 'monday',
        start: '10:30',
        end: '12:10',
        consultation_fee: 1,
        appointment_duration: 10,
        num_slots: 10,
        time_zone: 'UTC',
      },
    ],
  };
}

describe('the stored document', () => {
  it('gives back exactly the view that was stored, through JSON', () => {
    for (const v of [view(1, "Imran O'Neil-Baig", null, 0), view(2, 'Zoë Khan', 4.67, 12)]) {
      const reply = JSON.stringify([JSON.parse(JSON.stringify(toDocument(v)))]);
      expect(fromDocument(parsePathReply<DoctorDocument>(reply)!)).toEqual(v);
    }
    expect(parsePathReply(null)).toBeUndefined();
  });

  it('indexes name words as core splits them, and a missing rating as -1', () => {
    expect(indexFieldsOf(view(1, "Zoë O'Neil-Baig", null, 3))).toEqual({
      words: 'zoe o neil baig',
      name: "Zoë O'Neil-Baig",
      rating: null,
      rating_key: -1,
      experience: 3,
      id: 1,
    });
  });
});

describe('the index that prepare() creates', () => {
  it('is one JSON index over {prefix}doctor: with the fields the queries use', async () => {
    const sent: string[][] = [];
    const client = {
      get: () => Promise.resolve(null),
      set: () => Promise.resolve('OK'),
      unlink: () => Promise.resolve(0),
      ft: {
        create: (index: string, schema: unknown, options: unknown) => {
          sent.push(ftCreate.transformArguments(index, schema, options));
          return Promise.resolve('OK');
        },
        // Servers word this differently; none of them may stop the first createIndex.
        dropIndex: () => Promise.reject(new Error('Index not found')),
      },
    };
    await new RedisDoctorSearchIndex(client as unknown as SearchRedisClient, {
      prefix: 'app:',
    }).prepare();
    expect(sent).toEqual([
      [
        'FT.CREATE',
        'app:doctor-index',
        'ON',
        'JSON',
        'PREFIX',
        '1',
        'app:doctor:',
        'STOPWORDS',
        '0',
        'SCHEMA',
        '$.id',
        'AS',
        'id',
        'NUMERIC',
        'SORTABLE',
        '$._index.words',
        'AS',
        'name_words',
        'TEXT',
        'NOSTEM',
        '$._index.name',
        'AS',
        'name',
        'TEXT',
        'SORTABLE',
        '$._index.rating_key',
        'AS',
        'rating',
        'NUMERIC',
        'SORTABLE',
        '$._index.experience',
        'AS',
        'experience',
        'NUMERIC',
        'SORTABLE',
        // redis-om's default separator; array elements are tags of their own anyway.
        '$.specializations[*].name',
        'AS',
        'specializations',
        'TAG',
        'SEPARATOR',
        '|',
        '$.qualifications.qualification_name[*]',
        'AS',
        'qualifications',
        'TAG',
        'SEPARATOR',
        '|',
        '$.slot[*].day',
        'AS',
        'days',
        'TAG',
        'SEPARATOR',
        '|',
      ],
    ]);
  });
});

describe('ranking in code', () => {
  const names = [
    'Zara Khan',
    'zara khan',
    'Zainab Raza',
    'Ayesha Siddiqui',
    'Ayesa',
    "Imran O'Neil-Baig",
    'Omar Farooq',
    'Bilal',
    'Zoë',
  ];
  const views = fc.uniqueArray(
    fc.record({
      id: fc.integer({ min: 1, max: 60 }),
      name: fc.constantFrom(...names),
      rating: fc.option(fc.constantFrom(1, 2.5, 4, 4.67, 5), { nil: null }),
      experience: fc.integer({ min: 0, max: 4 }),
    }),
    { selector: (r) => r.id, maxLength: 12 },
  );
  const queries = fc.record({
    name: fc.option(
      fc.constantFrom('zar', 'ayesa', 'khan', 'z', 'o neil', 'baig imran', 'qq', 'zoe', 'farooque'),
      { nil: undefined },
    ),
    sort: fc.constantFrom('relevance', 'rating', 'experience', 'name'),
    order: fc.constantFrom('asc', 'desc'),
  });

  it("matches and orders exactly as core's in-memory index", async () => {
    await fc.assert(
      fc.asyncProperty(views, queries, async (records, q) => {
        const docs = records.map((r) => view(r.id, r.name, r.rating, r.experience));
        const memory = new InMemoryDoctorSearchIndex();
        for (const d of docs) await memory.upsert(d);
        const query = { ...q, limit: 100, offset: 0 } as DoctorSearchQuery;
        const expected = (await memory.search(query)).items.map((d) => d.id);

        const words = query.name === undefined ? undefined : wordsOf(query.name);
        const candidates: Candidate[] = [];
        for (const d of docs) {
          const fields = indexFieldsOf(d);
          const rank =
            words === undefined
              ? 0
              : words.length === 0
                ? undefined
                : nameRank(words, indexedWords(fields));
          if (rank !== undefined) candidates.push({ key: String(d.id), fields, rank });
        }
        candidates.sort(compareCandidates(query));
        expect(candidates.map((c) => c.fields.id)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
