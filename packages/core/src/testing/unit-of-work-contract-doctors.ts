import { describe, expect, it } from 'vitest';
import type { DoctorId } from '../shared/primitives.js';
import type { Repositories } from '../shared/unit-of-work.js';
import {
  contractNow,
  expectDomainError,
  newDoctor,
  newPatient,
  newSitting,
  newSlot,
  newUser,
  unique,
} from './contract-support.js';
import type { UnitOfWorkSubject } from './unit-of-work-contract.js';

/** Gives `doctorId` one completed, rated appointment per entry of `stars`, plus `unrated` booked ones. */
export async function rateDoctor(
  r: Repositories,
  doctorId: DoctorId,
  stars: readonly (1 | 2 | 3 | 4 | 5)[],
  unrated = 0,
): Promise<void> {
  const owner = await newUser(r, 'Rater');
  const slot = await newSlot(r, doctorId, {
    day: 'sunday',
    start: '06:00',
    places: stars.length + unrated + 1,
  });
  const sitting = await newSitting(r, slot, '2025-12-28');
  for (const [i, star] of [...stars, ...Array<undefined>(unrated).fill(undefined)].entries()) {
    const patient = await newPatient(r, owner.id, `Rater ${i}`);
    const booked = await r.appointments.book({
      sittingId: sitting.id,
      patientId: patient.id,
      bookedBy: owner.id,
      at: contractNow,
      idempotencyKey: null,
    });
    if (star === undefined) continue;
    await r.appointments.transition(booked.id, {
      from: ['booked'],
      to: 'completed',
      actorId: null,
      at: contractNow,
      reason: null,
    });
    await r.ratings.create({
      doctorId,
      patientId: patient.id,
      appointmentId: booked.id,
      stars: star,
      review: 'ok',
      ratedBy: owner.id,
      createdAt: contractNow,
    });
  }
}

/** Doctors: profile, specializations, qualifications, snapshots, lists, ratings and popularity. */
export function describeDoctorsContract(subject: () => UnitOfWorkSubject): void {
  const tx = <T>(work: (r: Repositories) => Promise<T>): Promise<T> =>
    subject().uow.transaction(work);

  describe('doctors', () => {
    it('creates a profile, finds it by id and user, and refuses a second one with ALREADY_A_DOCTOR', async () => {
      const { user, doctor } = await tx((r) => newDoctor(r, 'Dr Who'));
      expect(doctor).toMatchObject({ userId: user.id, description: 'A doctor', image: null });
      expect(await subject().uow.read.doctors.findById(doctor.id)).toEqual(doctor);
      expect(await subject().uow.read.doctors.findByUserId(user.id)).toEqual(doctor);
      expect(await subject().uow.read.doctors.findById(2_000_000_000)).toBeUndefined();
      await expectDomainError(
        tx((r) =>
          r.doctors.create({
            userId: user.id,
            description: 'again',
            image: null,
            createdAt: contractNow,
          }),
        ),
        'ALREADY_A_DOCTOR',
      );
    });

    it('updates the description and the image', async () => {
      const { doctor } = await tx((r) => newDoctor(r));
      await tx((r) => r.doctors.update(doctor.id, { image: '/static/doctors/a.jpg' }));
      await tx((r) => r.doctors.update(doctor.id, { description: 'New text' }));
      expect(await subject().uow.read.doctors.findById(doctor.id)).toMatchObject({
        description: 'New text',
        image: '/static/doctors/a.jpg',
      });
      await tx((r) => r.doctors.update(doctor.id, { image: null }));
      expect(await subject().uow.read.doctors.findById(doctor.id)).toMatchObject({ image: null });
    });

    it('builds a snapshot: public user, specializations and qualifications without duplicates, slots by weekday then start', async () => {
      const [s1, s2, q1] = [`spec ${unique()}`, `spec ${unique()}`, `qual${unique()}`];
      const { user, doctor, specs, quals } = await tx(async (r) => {
        await r.catalog.seed([s1, s2], [q1]);
        return {
          ...(await newDoctor(r, 'Dr Snap')),
          specs: await r.catalog.findSpecializationsByName([s1, s2]),
          quals: await r.catalog.findQualificationsByName([q1]),
        };
      });
      const qualification = {
        qualificationId: quals[0]!.id,
        name: q1,
        procurementDate: '2015-06-01',
        institute: 'Dow',
      };
      await tx(async (r) => {
        await r.doctors.addSpecializations(
          doctor.id,
          specs.map((s) => s.id),
        );
        await r.doctors.addSpecializations(doctor.id, [specs[0]!.id]);
        await r.doctors.addQualifications(doctor.id, [qualification, qualification]);
        await r.doctors.addQualifications(doctor.id, [{ ...qualification, institute: 'Aga Khan' }]);
        await newSlot(r, doctor.id, { day: 'friday', start: '09:00' });
        await newSlot(r, doctor.id, { day: 'monday', start: '14:00' });
        await newSlot(r, doctor.id, { day: 'monday', start: '08:00' });
      });
      const snapshot = (await subject().uow.read.doctors.snapshot(doctor.id))!;
      expect(snapshot.doctor).toEqual(doctor);
      expect(snapshot.user).toEqual({
        id: user.id,
        name: 'Dr Snap',
        email: user.email,
        role: 'user',
        registeredAt: user.registeredAt,
        confirmed: false,
      });
      expect(snapshot.user).not.toHaveProperty('passwordHash');
      expect(snapshot.specializations.map((s) => s.name).sort()).toEqual([s1, s2].sort());
      expect(snapshot.qualifications.map((q) => q.institute).sort()).toEqual(['Aga Khan', 'Dow']);
      expect(snapshot.qualifications[0]).toMatchObject({
        qualificationId: quals[0]!.id,
        name: q1,
        procurementDate: '2015-06-01',
      });
      expect(snapshot.slots.map((s) => `${s.day} ${s.start}`)).toEqual([
        'monday 08:00',
        'monday 14:00',
        'friday 09:00',
      ]);
      expect(snapshot).toMatchObject({ ratingSum: 0, ratingCount: 0, patientCount: 0 });
      expect(await subject().uow.read.doctors.snapshot(2_000_000_000)).toBeUndefined();
    });

    it('returns snapshots in the order asked, leaving unknown ids out', async () => {
      const [a, b] = await tx(async (r) => [
        await newDoctor(r, 'Dr A'),
        await newDoctor(r, 'Dr B'),
      ]);
      const snapshots = await subject().uow.read.doctors.snapshots([
        b.doctor.id,
        2_000_000_000,
        a.doctor.id,
      ]);
      expect(snapshots.map((s) => s.doctor.id)).toEqual([b.doctor.id, a.doctor.id]);
    });

    it('lists doctors by ascending id with the total, and pages ids for batch jobs', async () => {
      const made = await tx(async (r) => [
        await newDoctor(r),
        await newDoctor(r),
        await newDoctor(r),
      ]);
      const ids = made.map((m) => m.doctor.id);
      const all = await subject().uow.read.doctors.list({ limit: 100_000, offset: 0 });
      const listed = all.items.map((s) => s.doctor.id);
      expect(all.total).toBe(listed.length);
      expect(listed).toEqual([...listed].sort((x, y) => x - y));
      expect(listed).toEqual(expect.arrayContaining(ids));
      const page = await subject().uow.read.doctors.list({
        limit: 2,
        offset: listed.indexOf(ids[0]!),
      });
      expect(page.items.map((s) => s.doctor.id)).toEqual(ids.slice(0, 2));
      expect(page.total).toBe(all.total);
      expect(await subject().uow.read.doctors.idsAfter(ids[0]!, 2)).toEqual(ids.slice(1, 3));
    });

    it('counts ratings and distinct non-cancelled patients in snapshots and totals', async () => {
      const before = await subject().uow.read.doctors.ratingTotals();
      const { doctor } = await tx((r) => newDoctor(r));
      await tx((r) => rateDoctor(r, doctor.id, [5, 3, 4], 2));
      expect(await subject().uow.read.doctors.snapshot(doctor.id)).toMatchObject({
        ratingSum: 12,
        ratingCount: 3,
        patientCount: 5,
      });
      expect(await subject().uow.read.doctors.ratingTotals()).toEqual({
        sum: before.sum + 12,
        count: before.count + 3,
      });
    });

    it('ranks popular doctors by the Bayesian average, ties by patients served then id', async () => {
      const made = await tx(async (r) => {
        const list = [];
        for (const name of ['Pop A', 'Pop B', 'Pop C', 'Pop D', 'Pop E'])
          list.push((await newDoctor(r, name)).doctor.id);
        return list;
      });
      const [a, b, c, d, e] = made as [number, number, number, number, number];
      await tx(async (r) => {
        await rateDoctor(r, a, [5, 5, 5]); // (2·3 + 15) / 5 = 4.2
        await rateDoctor(r, b, [5]); // (6 + 5) / 3 ≈ 3.67
        await rateDoctor(r, d, [1]); // (6 + 1) / 3 ≈ 2.33
        await rateDoctor(r, e, [], 1); // no ratings: the prior 3, like c, but one patient served
      });
      const ranked = await subject().uow.read.doctors.popular(3, 2, { limit: 100_000, offset: 0 });
      const ours = ranked.items.map((s) => s.doctor.id).filter((id) => made.includes(id));
      expect(ours).toEqual([a, b, e, c, d]);
      expect(ranked.total).toBe(
        (await subject().uow.read.doctors.list({ limit: 1, offset: 0 })).total,
      );
      const second = await subject().uow.read.doctors.popular(3, 2, { limit: 1, offset: 1 });
      expect(second.items.map((s) => s.doctor.id)).toEqual([ranked.items[1]!.doctor.id]);
    });
  });

  describe('ratings', () => {
    it('stores one rating per appointment and refuses a second with ALREADY_RATED', async () => {
      const { doctor } = await tx((r) => newDoctor(r));
      await tx((r) => rateDoctor(r, doctor.id, [4]));
      const [details] = (
        await subject().uow.read.appointments.patientsOfDoctor(doctor.id, { limit: 1, offset: 0 })
      ).items;
      const appointments = await tx(async (r) => {
        const sitting = await r.sittings.findBySlotAndDate(
          (await r.slots.listByDoctor(doctor.id))[0]!.id,
          '2025-12-28',
        );
        return r.appointments.listBySitting(sitting!.id);
      });
      const appointment = appointments[0]!.appointment;
      expect(appointment.patientId).toBe(details!.id);
      const rating = await subject().uow.read.ratings.findByAppointment(appointment.id);
      expect(rating).toMatchObject({
        doctorId: doctor.id,
        appointmentId: appointment.id,
        stars: 4,
        review: 'ok',
      });
      await expectDomainError(
        tx((r) =>
          r.ratings.create({
            doctorId: doctor.id,
            patientId: appointment.patientId,
            appointmentId: appointment.id,
            stars: 1,
            review: 'again',
            ratedBy: appointment.bookedBy,
            createdAt: contractNow,
          }),
        ),
        'ALREADY_RATED',
      );
      expect(await subject().uow.read.ratings.findByAppointment(2_000_000_000)).toBeUndefined();
    });
  });
}
