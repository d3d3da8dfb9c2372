import type { DoctorView } from '@doctorly/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, DoctorAccount, Reply } from '../test-support/api.js';
import { expectError, expectUnauthenticated } from '../test-support/expect.js';
import { startTestServer, type TestServer } from '../test-support/harness.js';

// Doctor search: the combined /doctors/search and the seed's one-filter /misc/doctors/...
let t: TestServer;
let userA: Account;

beforeAll(async () => {
  t = await startTestServer();
  userA = await t.api.user('Ann');
});
afterAll(() => t.close());

// One behaviour per test over one searchable doctor, made once for the block.
describe('doctor search', () => {
  let zarina: DoctorAccount;
  beforeAll(async () => {
    zarina = await t.api.doctor('Zarina Searchable');
    await t.api.post(
      '/doctors/add_specializations',
      { specialization_name: ['dermatologist'] },
      zarina.token,
    );
    await t.api.slot(zarina, { day: 'tuesday', start: '16:00' });
    await t.runtime.flush();
  });
  const ids = (reply: Reply<DoctorView[]>) => reply.body.map((d) => d.id);

  it('finds a doctor by name, specialization and day together, sorted and paged, the total in X-Total-Count', async () => {
    const found = await t.api.get<DoctorView[]>(
      '/doctors/search?name=zarina&specialization=dermatologist&day=tuesday&sort=name&order=asc&limit=10&offset=0',
      userA.token,
    );
    expect(found.status, found.text).toBe(200);
    expect(ids(found)).toContain(zarina.doctorId);
    expect(Number(found.headers.get('x-total-count'))).toBeGreaterThanOrEqual(1);
  });

  it('leaves out a doctor whom one of the filters excludes', async () => {
    expect(
      ids(await t.api.get<DoctorView[]>('/doctors/search?name=zarina&day=sunday', userA.token)),
    ).not.toContain(zarina.doctorId);
  });

  it('refuses an unknown sort with 400 naming `sort`', async () => {
    expectError(
      await t.api.get('/doctors/search?sort=price', userA.token),
      400,
      'VALIDATION_FAILED',
      ['sort'],
    );
  });

  it('refuses an unknown weekday with 400 naming `day`', async () => {
    expectError(
      await t.api.get('/doctors/search?day=someday', userA.token),
      400,
      'VALIDATION_FAILED',
      ['day'],
    );
  });

  it("finds a doctor by name at the seed's /misc/doctors/{name}", async () => {
    expect(ids(await t.api.get<DoctorView[]>('/misc/doctors/zarina', userA.token))).toContain(
      zarina.doctorId,
    );
  });

  it("finds a doctor by weekday, in any case, at the seed's /misc/doctors/day/{day}", async () => {
    expect(ids(await t.api.get<DoctorView[]>('/misc/doctors/day/Tuesday', userA.token))).toContain(
      zarina.doctorId,
    );
  });

  it("finds a doctor by specialization at the seed's /misc/doctors/specialization/{name}", async () => {
    expect(
      ids(await t.api.get<DoctorView[]>('/misc/doctors/specialization/dermatologist', userA.token)),
    ).toContain(zarina.doctorId);
  });

  it("leaves out a doctor without the qualification at the seed's /misc/doctors/qualification/{name}", async () => {
    const byQualification = await t.api.get<DoctorView[]>(
      '/misc/doctors/qualification/mbbs',
      userA.token,
    );
    expect(byQualification.status).toBe(200);
    expect(ids(byQualification)).not.toContain(zarina.doctorId);
  });

  it('refuses an unknown weekday in the path with 400 naming `day`', async () => {
    expectError(
      await t.api.get('/misc/doctors/day/someday', userA.token),
      400,
      'VALIDATION_FAILED',
      ['day'],
    );
  });

  it.each([
    '/doctors/search?name=zarina',
    '/misc/doctors/day/monday',
    '/misc/doctors/zarina',
    '/misc/doctors/specialization/dermatologist',
    '/misc/doctors/qualification/mbbs',
  ])('requires a bearer token: GET %s', async (path) => {
    await expectUnauthenticated(t, 'GET', path);
  });
});
