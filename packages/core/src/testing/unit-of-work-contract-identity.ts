import { describe, expect, it } from 'vitest';
import type { Repositories } from '../shared/unit-of-work.js';
import { contractNow, expectDomainError, newUser, unique } from './contract-support.js';
import type { UnitOfWorkSubject } from './unit-of-work-contract.js';

/** Users, catalog and patients. */
export function describeIdentityContract(subject: () => UnitOfWorkSubject): void {
  const tx = <T>(work: (r: Repositories) => Promise<T>): Promise<T> =>
    subject().uow.transaction(work);

  describe('users', () => {
    it('creates a user and finds it by id and by email, case-insensitively', async () => {
      const email = `ada-${unique()}@example.test`;
      const created = await tx((r) =>
        r.users.create({
          name: 'Ada',
          email,
          passwordHash: 'h1',
          role: 'user',
          registeredAt: contractNow,
          confirmed: false,
        }),
      );
      expect(created).toMatchObject({
        name: 'Ada',
        email,
        passwordHash: 'h1',
        role: 'user',
        confirmed: false,
      });
      expect(created.registeredAt.getTime()).toBe(contractNow.getTime());
      const read = subject().uow.read;
      expect(await read.users.findById(created.id)).toEqual(created);
      expect(await read.users.findByEmail(email.toUpperCase())).toEqual(created);
      expect(await read.users.findByEmail(`  ${email}  `)).toEqual(created);
    });

    it('refuses an email that exists in another case with EMAIL_TAKEN', async () => {
      const email = `grace-${unique()}@example.test`;
      await tx((r) =>
        r.users.create({
          name: 'G',
          email,
          passwordHash: 'h',
          role: 'user',
          registeredAt: contractNow,
          confirmed: false,
        }),
      );
      await expectDomainError(
        tx((r) =>
          r.users.create({
            name: 'G2',
            email: email.toUpperCase(),
            passwordHash: 'h',
            role: 'user',
            registeredAt: contractNow,
            confirmed: false,
          }),
        ),
        'EMAIL_TAKEN',
      );
    });

    it('answers undefined for unknown users', async () => {
      expect(await subject().uow.read.users.findById(2_000_000_000)).toBeUndefined();
      expect(
        await subject().uow.read.users.findByEmail(`nobody-${unique()}@example.test`),
      ).toBeUndefined();
    });

    it('sets the role and the password hash', async () => {
      const user = await tx((r) => newUser(r));
      await tx((r) => r.users.setRole(user.id, 'admin'));
      await tx((r) => r.users.setPasswordHash(user.id, 'new-hash'));
      expect(await subject().uow.read.users.findById(user.id)).toMatchObject({
        role: 'admin',
        passwordHash: 'new-hash',
      });
    });

    it('hands out copies: changing a returned date changes nothing stored', async () => {
      const user = await tx((r) => newUser(r));
      const read = await subject().uow.read.users.findById(user.id);
      read!.registeredAt.setTime(0);
      expect((await subject().uow.read.users.findById(user.id))!.registeredAt.getTime()).toBe(
        contractNow.getTime(),
      );
    });
  });

  describe('catalog', () => {
    it('seeds names normalised and idempotently, and finds them by name', async () => {
      const spec = `spec ${unique()}`;
      const qual = `qual${unique()}`;
      await tx((r) => r.catalog.seed([`  ${spec.toUpperCase()} `, spec], [qual]));
      await tx((r) => r.catalog.seed([spec], [qual.toUpperCase()]));
      const read = subject().uow.read.catalog;
      expect((await read.listSpecializations()).filter((s) => s.name === spec)).toHaveLength(1);
      expect((await read.listQualifications()).filter((q) => q.name === qual)).toHaveLength(1);
      const [found] = await read.findSpecializationsByName([
        spec.toUpperCase(),
        `unknown ${unique()}`,
      ]);
      expect(found).toMatchObject({ name: spec, image: null });
      expect(await read.findSpecializationsByName([`unknown ${unique()}`])).toEqual([]);
      expect(await read.findQualificationsByName([qual])).toEqual([
        { id: expect.any(Number) as number, name: qual },
      ]);
      expect(await read.findSpecialization(found!.id)).toEqual(found);
      expect(await read.findSpecialization(2_000_000_000)).toBeUndefined();
    });

    it('sets a specialization image', async () => {
      const spec = `imaged ${unique()}`;
      await tx((r) => r.catalog.seed([spec], []));
      const [found] = await subject().uow.read.catalog.findSpecializationsByName([spec]);
      await tx((r) => r.catalog.setSpecializationImage(found!.id, '/static/specializations/x.png'));
      expect(await subject().uow.read.catalog.findSpecialization(found!.id)).toMatchObject({
        image: '/static/specializations/x.png',
      });
    });
  });

  describe('patients', () => {
    it("creates patients and lists an owner's patients by id, paged", async () => {
      const { owner, other } = await tx(async (r) => ({
        owner: await newUser(r),
        other: await newUser(r),
      }));
      const created = await tx(async (r) => {
        const list = [];
        for (const name of ['Zed', 'Amy', 'Bob']) {
          list.push(
            await r.patients.create({
              ownerId: owner.id,
              name,
              age: 40,
              gender: 'female',
              symptoms: 'fever',
              createdAt: contractNow,
            }),
          );
        }
        await r.patients.create({
          ownerId: other.id,
          name: 'Other',
          age: 1,
          gender: 'male',
          symptoms: '',
          createdAt: contractNow,
        });
        return list;
      });
      expect(created[0]).toMatchObject({
        ownerId: owner.id,
        name: 'Zed',
        age: 40,
        gender: 'female',
        symptoms: 'fever',
      });
      const read = subject().uow.read.patients;
      expect(await read.findById(created[1]!.id)).toEqual(created[1]);
      expect(await read.findById(2_000_000_000)).toBeUndefined();
      const page = await read.listByOwner(owner.id, { limit: 2, offset: 1 });
      expect(page.total).toBe(3);
      expect(page.items.map((p) => p.name)).toEqual(['Amy', 'Bob']);
    });
  });
}
