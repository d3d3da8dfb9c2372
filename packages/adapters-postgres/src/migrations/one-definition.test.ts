import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadMigrationSet } from '../migrator.js';
import { loadWave1Migrations } from '../testing/wave-1-migrator.js';

// What each file creates: `CREATE [OR REPLACE] FUNCTION name` and `CREATE [OR REPLACE] TRIGGER name`.
const created = (sql: string, kind: 'FUNCTION' | 'TRIGGER' | 'VIEW') =>
  [...sql.matchAll(new RegExp(`^CREATE (?:OR REPLACE )?${kind} (\\w+)`, 'gm'))].map((m) => m[1]!);

/** The functions that stored generated columns compute with: part of the table (ADR 0011). */
const columnFunctions = ['doctor_name_words', 'doctor_name_keys'];

describe('one live definition per SQL function and trigger (ADR 0011)', () => {
  it('defines each function in exactly one file, versioned or repeatable', async () => {
    const { versioned, repeatable } = await loadMigrationSet();
    const all = [...versioned, ...repeatable].flatMap((file) => created(file.sql, 'FUNCTION'));
    expect(all.filter((name, i) => all.indexOf(name) !== i)).toEqual([]);
  });

  it('leaves versioned migrations only the functions that generated columns use, and no trigger or view', async () => {
    const { versioned } = await loadMigrationSet();
    expect(versioned.flatMap((m) => created(m.sql, 'FUNCTION'))).toEqual(columnFunctions);
    expect(
      versioned.flatMap((m) => [...created(m.sql, 'TRIGGER'), ...created(m.sql, 'VIEW')]),
    ).toEqual([]);
    for (const fn of columnFunctions)
      expect(versioned.some((m) => m.sql.includes(`GENERATED ALWAYS AS (${fn}(`))).toBe(true);
  });

  it('names each repeatable after the one function it defines', async () => {
    const { repeatable } = await loadMigrationSet();
    expect(repeatable.map((r) => created(r.sql, 'FUNCTION'))).toEqual(
      repeatable.map((r) => [r.name]),
    );
  });

  it('keeps every function and trigger the wave-1 migrations defined (new ones may join)', async () => {
    const { versioned, repeatable } = await loadMigrationSet();
    const now = [...versioned, ...repeatable];
    const then = await loadWave1Migrations();
    for (const kind of ['FUNCTION', 'TRIGGER'] as const) {
      const names = (files: { sql: string }[]) =>
        [...new Set(files.flatMap((f) => created(f.sql, kind)))].sort();
      expect(names(now)).toEqual(expect.arrayContaining(names(then)));
    }
  });

  it('accepts exactly the wave-1 checksums of the files that changed since', async () => {
    const { versioned } = await loadMigrationSet();
    const wave1 = new Map((await loadWave1Migrations()).map((m) => [m.name, m.checksum]));
    for (const m of versioned) {
      // A migration added after wave 1 has nothing to supersede.
      const then = wave1.get(m.name);
      expect(m.supersedes ?? []).toEqual(then === undefined || m.checksum === then ? [] : [then]);
    }
  });

  it('gives the booking decision a header naming its core counterpart', async () => {
    const sql = await readFile(
      new URL('../../migrations/repeatable/040_book_appointment.sql', import.meta.url),
      'utf8',
    );
    expect(sql).toContain('`decideBooking` in packages/core/src/booking/decide-booking.ts');
  });
});
