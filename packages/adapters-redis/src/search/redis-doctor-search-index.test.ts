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

// The commands drop() and state() send, on a client that records them: the real engine is
// not on this machine; redis-doctor-search-index.contract.integration.test.ts runs both on
// one when REDIS_SEARCH_URL (or Docker) is there.
describe('drop() and state()', () => {
  function recordingClient(answer: (command: string[]) => unknown) {
    const sent: string[][] = [];
    const client = {
      sendCommand: (command: string[]) => {
        sent.push(command);
        return new Promise((resolve) => resolve(answer(command)));
      },
    };
    const index = new RedisDoctorSearchIndex(client as unknown as SearchRedisClient, {
      prefix: 'app:',
    });
    return { index, sent };
  }

  it('drops the index with its documents, then its schema hash', async () => {
    const { index, sent } = recordingClient(() => 'OK');
    await index.drop();
    expect(sent).toEqual([
      ['FT.DROPINDEX', 'app:doctor-index', 'DD'],
      ['UNLINK', 'app:doctor-index:hash'],
    ]);
  });

  it('takes an index that is not there as dropped, whatever the server calls it', async () => {
    for (const message of [
      'Unknown Index name',
      'Unknown index name',
      'app:doctor-index: no such index',
    ]) {
      const { index, sent } = recordingClient((command) => {
        if (command[0] === 'FT.DROPINDEX') throw new Error(message);
        return 1;
      });
      await expect(index.drop()).resolves.toBeUndefined();
      expect(sent.at(-1)).toEqual(['UNLINK', 'app:doctor-index:hash']);
    }
  });

  it('keeps the schema hash when the drop fails for another reason', async () => {
    const { index, sent } = recordingClient(() => {
      throw new Error('READONLY You can not write against a read only replica.');
    });
    await expect(index.drop()).rejects.toThrow(/READONLY/);
    expect(sent).toEqual([['FT.DROPINDEX', 'app:doctor-index', 'DD']]);
  });

  it('reads the documents and the progress from FT.INFO, strings or integers alike', async () => {
    // Abridged FT.INFO replies: RediSearch 2.6 answers num_docs as a string, later ones vary.
    const replies = [
      [
        'index_name',
        'app:doctor-index',
        'num_docs',
        '7',
        'indexing',
        '1',
        'percent_indexed',
        '0.5',
        'hash_indexing_failures',
        '0',
      ],
      [
        'index_name',
        'app:doctor-index',
        'num_docs',
        10000,
        'indexing',
        0,
        'percent_indexed',
        '1',
        'hash_indexing_failures',
        2,
      ],
    ];
    const states = [];
    for (const reply of replies) {
      const { index, sent } = recordingClient(() => reply);
      states.push(await index.state());
      expect(sent).toEqual([['FT.INFO', 'app:doctor-index']]);
    }
    expect(states).toEqual([
      { documents: 7, indexing: true, percentIndexed: 0.5, failures: 0 },
      { documents: 10_000, indexing: false, percentIndexed: 1, failures: 2 },
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
