import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDoctorQuery, escapeTagValue, escapeTextTerm, wordsOf } from './query-builder.js';

/** Reads an escaped string back the way the query parser does: `\x` is the character x. */
function unescape(escaped: string): string {
  return escaped.replace(/\\(.)/gsu, '$1');
}

/** ASCII characters with a meaning in query syntax, seen outside an escape. */
function unescapedSyntax(escaped: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < escaped.length; i += 1) {
    const c = escaped[i]!;
    if (c === '\\') {
      i += 1;
      continue;
    }
    if (/[\x20-\x2F\x3A-\x40\x5B-\x5E\x60\x7B-\x7E]/.test(c)) found.push(c);
  }
  return found;
}

describe('wordsOf', () => {
  it('lower-cases, strips accents and splits on anything but letters and digits', () => {
    expect(wordsOf("Imran O'Neil-Baig")).toEqual(['imran', 'o', 'neil', 'baig']);
    expect(wordsOf('  ZARA   khan ')).toEqual(['zara', 'khan']);
    expect(wordsOf('Zoë Ñúñez')).toEqual(['zoe', 'nunez']);
    expect(wordsOf('baig, imran!')).toEqual(['baig', 'imran']);
    // Marks go in every script (NFKD splits hamza off yeh), as in core's in-memory index.
    expect(wordsOf('عائشہ صدیقی')).toEqual(['عايشہ', 'صدیقی']);
    expect(wordsOf('dr_no 007')).toEqual(['dr', 'no', '007']);
    expect(wordsOf('`@name:*) | (`')).toEqual(['name']);
    expect(wordsOf('*%{}|\\"')).toEqual([]);
  });
});

describe('escapeTagValue', () => {
  it('escapes spaces and punctuation, keeps letters and digits', () => {
    expect(escapeTagValue('infectious disease specialist')).toBe(
      'infectious\\ disease\\ specialist',
    );
    expect(escapeTagValue('{}')).toBe('\\{\\}');
    expect(escapeTagValue('a|b')).toBe('a\\|b');
    expect(escapeTagValue('x*')).toBe('x\\*');
    expect(escapeTagValue('\\')).toBe('\\\\');
    expect(escapeTagValue('@user_name:{*}')).toBe('\\@user_name\\:\\{\\*\\}');
    expect(escapeTagValue('ortho-pédiatre 2')).toBe('ortho\\-pédiatre\\ 2');
  });

  it('leaves no query syntax unescaped, and reads back as the value, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (value) => {
        const escaped = escapeTagValue(value);
        expect(unescapedSyntax(escaped)).toEqual([]);
        expect(unescape(escaped)).toBe(value);
      }),
      { numRuns: 500 },
    );
  });

  it('escapes TEXT terms by the same rule', () => {
    expect(escapeTextTerm('zara')).toBe('zara');
    expect(escapeTextTerm('o%neil*')).toBe('o\\%neil\\*');
  });
});

describe('buildDoctorQuery', () => {
  it('matches everything without filters', () => {
    expect(buildDoctorQuery({})).toEqual({
      query: '*',
      nameWords: undefined,
      matchesNothing: false,
    });
  });

  it('asks for each name word by prefix or one typo, every word required', () => {
    expect(buildDoctorQuery({ name: 'zar' }).query).toBe('@name_words:((zar*|%zar%))');
    expect(buildDoctorQuery({ name: 'Ayesha  Sidd' }).query).toBe(
      '@name_words:((ayesha*|%ayesha%) (sidd*|%sidd%))',
    );
    expect(buildDoctorQuery({ name: 'Ayesha  Sidd' }).nameWords).toEqual(['ayesha', 'sidd']);
  });

  it('reads punctuation as a separator, never as syntax', () => {
    expect(buildDoctorQuery({ name: "O'Neil-Baig" })).toEqual({
      query: '@name_words:((neil*|%neil%) (baig*|%baig%))',
      nameWords: ['o', 'neil', 'baig'],
      matchesNothing: false,
    });
    expect(buildDoctorQuery({ name: '`@name:*) | (`' }).query).toBe('@name_words:((name*|%name%))');
    expect(buildDoctorQuery({ name: '%%ayesa%%' }).query).toBe('@name_words:((ayesa*|%ayesa%))');
    expect(buildDoctorQuery({ name: '-zara' }).query).toBe('@name_words:((zara*|%zara%))');
  });

  it('leaves one-letter words to the exact check in code, and repeats no word', () => {
    expect(buildDoctorQuery({ name: 'a' })).toEqual({
      query: '*',
      nameWords: ['a'],
      matchesNothing: false,
    });
    expect(buildDoctorQuery({ name: 'zara zara k' }).query).toBe('@name_words:((zara*|%zara%))');
  });

  it('matches nothing for a name without any word', () => {
    for (const name of ['', '   ', '*', '%', '(|)', '\\', '"', "'; --", '{}']) {
      expect(buildDoctorQuery({ name }).matchesNothing).toBe(true);
    }
  });

  it('filters catalog names and days as exact, escaped tags', () => {
    expect(buildDoctorQuery({ specialization: 'Infectious  Disease Specialist ' }).query).toBe(
      '@specializations:{infectious\\ disease\\ specialist}',
    );
    expect(buildDoctorQuery({ qualification: 'MBBS' }).query).toBe('@qualifications:{mbbs}');
    expect(buildDoctorQuery({ day: 'monday' }).query).toBe('@days:{monday}');
  });

  it('combines every filter with AND', () => {
    expect(
      buildDoctorQuery({
        name: 'omar',
        specialization: 'neurologist',
        qualification: 'md',
        day: 'friday',
      }).query,
    ).toBe(
      '@name_words:((omar*|%omar%)) @specializations:{neurologist} @qualifications:{md} @days:{friday}',
    );
  });

  it('keeps hostile catalog input inside its braces', () => {
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
      '} | @days:{*',
    ];
    for (const input of hostile) {
      const { query } = buildDoctorQuery({ specialization: input });
      const inside = query.slice('@specializations:{'.length, -1);
      expect(query.startsWith('@specializations:{') && query.endsWith('}')).toBe(true);
      expect(unescapedSyntax(inside)).toEqual([]);
      expect(unescape(inside)).toBe(input.trim().toLowerCase().replace(/\s+/g, ' '));
    }
  });

  it('never lets any input add a clause or leave its field, whatever it holds', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        (name, specialization) => {
          const { query, matchesNothing } = buildDoctorQuery({ name, specialization });
          if (matchesNothing) return;
          const [namePart, tagPart] = query.startsWith('@name_words:')
            ? [
                query.slice(0, query.indexOf(' @specializations:')),
                query.slice(query.indexOf('@specializations:')),
              ]
            : ['', query];
          expect(
            namePart === '' ||
              /^@name_words:\((\([\p{L}\p{N}]+\*\|%[\p{L}\p{N}]+%\) ?)+\)$/u.test(namePart),
          ).toBe(true);
          expect(tagPart.startsWith('@specializations:{') && tagPart.endsWith('}')).toBe(true);
          expect(unescapedSyntax(tagPart.slice('@specializations:{'.length, -1))).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
