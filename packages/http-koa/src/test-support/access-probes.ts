// One HTTP probe per rule of the access policy. Typed as a total record of the policy's
// keys: a rule added to the policy does not compile until it has a probe here.
import type { MatrixCaller, PolicyKey } from '@doctorly/core';
import { uniqueEmail, type Reply } from './api.js';
import type { AccessWorld } from './access-world.js';

/**
 * Sends, as `caller`, the request(s) the rule governs, on a subject of the world (a fresh one
 * when the request would change it). Every reply must show the policy's answer.
 */
export type Probe = (world: AccessWorld, caller: MatrixCaller) => Promise<Reply | readonly Reply[]>;

const get = (w: AccessWorld, c: MatrixCaller, path: string) => w.t.api.get(path, w.token(c));
const post = (w: AccessWorld, c: MatrixCaller, path: string, json: unknown) =>
  w.t.api.post(path, json, w.token(c));
const patientBody = { name: 'Probe', age: 40, gender: 'male', symptoms: 'none' };

/** The status change of an appointment that only its sitting's doctor makes. */
function statusChange(action: string): Probe {
  return async (w, c) =>
    post(w, c, `/doctors/appointments/${await w.freshAppointment()}/${action}`, {});
}

/**
 * A one-day leave ten months ahead: it cancels nothing another probe books (they book the
 * next sittings of the world's slots).
 */
function leaveBody(): { from: string; to: string; reason: string } {
  const date = new Date(Date.now() + 300 * 86_400_000).toISOString().slice(0, 10);
  return { from: date, to: date, reason: 'probe' };
}

/** The probe of every rule. */
export const accessProbes = {
  'account.register': (w, c) =>
    post(w, c, '/users/register', {
      name: 'Probe',
      email: uniqueEmail('probe'),
      password: 'password-123',
    }),
  'account.read': (w, c) => get(w, c, '/users/info'),
  'catalog.read': async (w, c) => [
    await get(w, c, '/misc/specializations'),
    await get(w, c, '/misc/qualifications'),
  ],
  'catalog.manage': (w, c) => w.upload(`/misc/image/${w.specialization}`, w.token(c)),
  'doctor.register': (w, c) =>
    post(w, c, '/doctors/new', {
      name: 'Probe',
      email: uniqueEmail('probe-dr'),
      password: 'password-123',
      description: 'Probe',
    }),
  'doctor.read': async (w, c) => {
    const id = w.accounts.doctorConcerned.doctorId;
    const paths = [
      `/doctors/get/${id}`,
      '/doctors/all',
      `/doctors/slot/${id}`,
      `/doctors/timings/${id}`,
      '/doctors/popular/doctors',
      '/doctors/search?name=concerned',
      '/misc/doctors/day/monday',
    ];
    return Promise.all(paths.map((path) => get(w, c, path)));
  },
  'profile.read': (w, c) => get(w, c, '/doctors/info'),
  'profile.edit': (w, c) =>
    post(w, c, '/doctors/add_specializations', { specialization_name: ['allergist'] }),
  'profile.addSlot': (w, c) =>
    post(w, c, '/doctors/add_slot', { ...w.freshSlotBody(), consultation_fee: 1 }),
  'profile.listPatients': (w, c) => get(w, c, '/doctors/patients'),
  'patient.register': (w, c) => post(w, c, '/patient/new', patientBody),
  'patient.listOwn': (w, c) => get(w, c, '/patient/all'),
  'patient.read': (w, c) => get(w, c, `/patient/get/${w.patient}`),
  'patient.book': async (w, c) =>
    post(w, c, '/patient/new_appointment', { patient_id: w.patient, slot_id: await w.freshSlot() }),
  'patient.joinWaitlist': async (w, c) =>
    post(w, c, '/patient/waitlist', { patient_id: w.patient, slot_id: await w.freshFullSlot() }),
  'appointment.listOwn': (w, c) => get(w, c, '/patient/appointment/history'),
  'appointment.read': (w, c) => get(w, c, `/patient/appointment/${w.appointment}/history`),
  'appointment.cancel': async (w, c) =>
    post(w, c, `/patient/appointment/${await w.freshAppointment()}/cancel`, {}),
  'appointment.reschedule': async (w, c) => {
    // To a fresh one-place slot of the same doctor: the owner's move always has a place.
    const id = await w.freshAppointment();
    const slot = await w.freshSlot();
    return post(w, c, `/patient/appointment/${id}/reschedule`, { slot_id: slot });
  },
  'appointment.rate': async (w, c) =>
    post(w, c, '/doctors/rate', { appointment_id: await w.freshAppointment(true), stars: 5 }),
  'appointment.checkIn': statusChange('check_in'),
  'appointment.complete': statusChange('complete'),
  'appointment.markNoShow': statusChange('no_show'),
  'appointment.call': async (w, c) =>
    post(w, c, `/doctors/appointments/${await w.dayAppointment()}/call`, {}),
  'sitting.read': (w, c) => get(w, c, `/doctors/patients/${w.slot}`),
  'sitting.cancel': async (w, c) => {
    const slot = await w.freshSlot();
    return post(w, c, '/doctors/sittings/cancel', {
      slot_id: slot,
      date: await w.nextSittingDate(slot),
    });
  },
  'sittingById.read': async (w, c) => get(w, c, `/sittings/${await w.daySitting()}/board`),
  'sittingById.start': async (w, c) =>
    post(w, c, `/doctors/sittings/${await w.daySitting()}/start`, {}),
  'profile.takeLeave': (w, c) => post(w, c, '/doctors/leave', leaveBody()),
  'profile.listLeaves': (w, c) => get(w, c, '/doctors/leave'),
  'leave.read': async (w, c) => get(w, c, `/doctors/leave/${await w.leave()}`),
  'leave.reopen': async (w, c) => {
    const leave = await w.freshLeave(leaveBody());
    return w.t.api.request('DELETE', `/doctors/leave/${leave}`, {
      ...(w.token(c) === undefined ? {} : { token: w.token(c)! }),
    });
  },
  'waitlist.listOwn': (w, c) => get(w, c, '/patient/waitlist'),
  'waitlist.read': (w, c) => get(w, c, `/patient/waitlist/${w.waitlistEntry(false)}`),
  'waitlist.leave': (w, c) =>
    w.t.api.request('DELETE', `/patient/waitlist/${w.waitlistEntry()}`, {
      ...(c === 'anonymous' ? {} : { token: w.token(c)! }),
    }),
} satisfies Record<PolicyKey, Probe>;
