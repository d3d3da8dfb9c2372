// The world of the generated authorization matrix: one caller of each relation the access
// policy knows, and subjects that the user `owner` owns and that concern `doctorConcerned`.
import type { MatrixCaller } from '@doctorly/core';
import sharp from 'sharp';
import type { Account, DoctorAccount, Reply } from './api.js';
import type { TestServer } from './harness.js';
import { daySlotBody, weekdayInDays } from './day-slots.js';

/** The callers and the shared subjects; fresh subjects come from its methods. */
export class AccessWorld {
  private slots = 0;
  private daySittingOnce: Promise<number> | undefined;
  private dayAppointmentsOnce: Promise<number[]> | undefined;
  private dayAppointmentsUsed = 0;
  private waitlistEntriesUsed = 0;

  private constructor(
    readonly t: TestServer,
    readonly accounts: Record<Exclude<MatrixCaller, 'anonymous'>, Account> & {
      doctorConcerned: DoctorAccount;
    },
    /** `owner`'s patient, booked with `doctorConcerned` (so that doctor may see it). */
    readonly patient: number,
    /** A slot of `doctorConcerned` with room for every fresh appointment. */
    readonly slot: number,
    readonly appointment: number,
    readonly specialization: number,
    readonly image: Buffer,
  ) {}

  /** Waiting entries of `owner`'s patients in full sittings of `doctorConcerned` (see create). */
  private readonly waitlistEntries: number[] = [];

  static async create(t: TestServer): Promise<AccessWorld> {
    const [stranger, owner] = [await t.api.user('Stranger'), await t.api.user('Owner')];
    const [doctorConcerned, otherDoctor] = [
      await t.api.doctor('Concerned'),
      await t.api.doctor('Other'),
    ];
    const admin = await adminAccount(t);
    const accounts = { stranger, owner, doctorConcerned, otherDoctor, admin };
    // Three days ahead: never the day of the sittings the day probes start (day-slots.ts).
    const slot = await t.api.slot(doctorConcerned, {
      day: weekdayInDays(3),
      start: '08:00',
      num_slots: 60,
      appointment_duration: 5,
    });
    const patient = await t.api.patient(owner, 'Matrix patient');
    const appointment = booked(await t.api.book(owner, patient, slot));
    const specializations = await t.api.get<{ id: number }[]>('/misc/specializations', owner.token);
    const image = await sharp({
      create: { width: 8, height: 8, channels: 3, background: { r: 9, g: 99, b: 199 } },
    })
      .png()
      .toBuffer();
    const world = new AccessWorld(
      t,
      accounts,
      patient,
      slot,
      appointment,
      specializations.body[0]!.id,
      image,
    );
    // Made first, while `owner` holds few appointments: an entry counts against the per-user
    // claims limit, which the later probes' fresh appointments would reach.
    for (let i = 0; i < 7; i++) {
      const waiting = await t.api.patient(owner, `Waiting patient ${i}`);
      world.waitlistEntries.push(await world.joinFullSitting(waiting));
    }
    return world;
  }

  /**
   * A new full sitting of `doctorConcerned`: a one-place slot whose next sitting a patient
   * of `stranger` booked (so `owner`'s claims stay few). Answers the slot.
   */
  async freshFullSlot(): Promise<number> {
    const { stranger } = this.accounts;
    const slot = await this.freshSlot();
    const patient = await this.t.api.patient(stranger, 'Seat holder');
    booked(await this.t.api.book(stranger, patient, slot));
    return slot;
  }

  /** `owner`'s `patient` joins the waitlist of a new full sitting: the entry's id. */
  async joinFullSitting(patient: number): Promise<number> {
    const slot = await this.freshFullSlot();
    const reply = await this.t.api.post(
      '/patient/waitlist',
      { patient_id: patient, slot_id: slot },
      this.accounts.owner.token,
    );
    if (reply.status !== 201) throw new Error(`matrix join failed: ${reply.status} ${reply.text}`);
    return (reply.body as { id: number }).id;
  }

  /** A waiting entry of `owner`, not used by an earlier call (the first is the shared one). */
  waitlistEntry(fresh = true): number {
    const id = this.waitlistEntries[fresh ? ++this.waitlistEntriesUsed : 0];
    if (id === undefined) throw new Error('the world ran out of waitlist entries');
    return id;
  }

  /** The bearer token of `caller`; `undefined` for the anonymous one. */
  token(caller: MatrixCaller): string | undefined {
    return caller === 'anonymous' ? undefined : this.accounts[caller].token;
  }

  /** A new appointment of a new patient of `owner` in `slot`, optionally completed by its doctor. */
  async freshAppointment(completed = false): Promise<number> {
    const { owner, doctorConcerned } = this.accounts;
    const patient = await this.t.api.patient(owner, 'Fresh patient');
    const id = booked(await this.t.api.book(owner, patient, this.slot));
    if (completed) {
      await ok(this.t.api.post(`/doctors/appointments/${id}/complete`, {}, doctorConcerned.token));
    }
    return id;
  }

  /** A new one-place slot of `doctorConcerned`, at a time no other slot of the world takes. */
  freshSlot(): Promise<number> {
    return this.t.api.slot(this.accounts.doctorConcerned, this.freshSlotBody());
  }

  /** A slot body at a time of its own (four days ahead, 15 minutes apart), for any doctor. */
  freshSlotBody(): { day: string; start: string; num_slots: number; appointment_duration: number } {
    const minutes = this.slots++ * 15;
    const start = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    return { day: weekdayInDays(4), start, num_slots: 1, appointment_duration: 10 };
  }

  /** A stored sitting of `doctorConcerned` starting within the hour (startable now), one booking in it. */
  daySitting(): Promise<number> {
    this.daySittingOnce ??= (async () => {
      const { owner, doctorConcerned } = this.accounts;
      const slot = await this.t.api.slot(doctorConcerned, daySlotBody(60, 8));
      const patient = await this.t.api.patient(owner, 'Day patient');
      const reply = await this.t.api.book(owner, patient, slot);
      if (reply.status !== 201) throw new Error(`day booking failed: ${reply.text}`);
      return (reply.body as { sitting_id: number }).sitting_id;
    })();
    return this.daySittingOnce;
  }

  /**
   * A waiting appointment, not used by an earlier call, of another sitting of
   * `doctorConcerned` starting within the hour and a quarter: all booked before the first
   * is called in, since calling starts the sitting and a started sitting takes no bookings.
   */
  async dayAppointment(): Promise<number> {
    this.dayAppointmentsOnce ??= (async () => {
      const { owner, doctorConcerned } = this.accounts;
      const slot = await this.t.api.slot(doctorConcerned, daySlotBody(70, 8));
      const ids: number[] = [];
      for (let i = 0; i < 8; i++) {
        const patient = await this.t.api.patient(owner, `Called patient ${i}`);
        ids.push(booked(await this.t.api.book(owner, patient, slot)));
      }
      return ids;
    })();
    const ids = await this.dayAppointmentsOnce;
    const id = ids[this.dayAppointmentsUsed++];
    if (id === undefined) throw new Error('the world ran out of day appointments');
    return id;
  }

  /** The date of the next sitting of one of `doctorConcerned`'s slots. */
  async nextSittingDate(slot: number): Promise<string> {
    const queue = await ok(
      this.t.api.get<{ date: string }>(
        `/doctors/patients/${slot}`,
        this.accounts.doctorConcerned.token,
      ),
    );
    return queue.body.date;
  }

  /** Uploads the world's image as the multipart field `image`. */
  upload(path: string, token: string | undefined): Promise<Reply> {
    const form = new FormData();
    form.append(
      'image',
      new Blob([new Uint8Array(this.image)], { type: 'image/png' }),
      'matrix.png',
    );
    return this.t.api.request('POST', path, {
      ...(token === undefined ? {} : { token }),
      body: form,
    });
  }
}

async function adminAccount(t: TestServer): Promise<Account> {
  const email = `matrix-admin-${process.pid}-${Date.now()}@example.com`;
  const password = 'password-123';
  const user = await t.runtime.useCases.createAdmin.execute({ name: 'Admin', email, password });
  return { email, password, token: await t.api.login(email, password), userId: user.id };
}

async function ok<T>(reply: Promise<Reply<T>>): Promise<Reply<T>> {
  const answer = await reply;
  if (answer.status >= 300) throw new Error(`matrix setup failed: ${answer.status} ${answer.text}`);
  return answer;
}

function booked(reply: Reply): number {
  if (reply.status !== 201) throw new Error(`matrix booking failed: ${reply.status} ${reply.text}`);
  return (reply.body as { id: number }).id;
}
