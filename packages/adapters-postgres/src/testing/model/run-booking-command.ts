import { canTransition, isDomainError, type Repositories, type UnitOfWork } from '@doctorly/core';
import { at, statuses, type BookingCommand, type RunWorld } from './booking-commands.js';

// An id no row has: what a command aims at when its appointment or sitting does not exist yet.
const nowhere = 2_000_000_000;

/** What a command answered, in terms both stores share: a refusal's code, or what it did. */
export type Outcome = { readonly refused: string } | { readonly done: unknown };

/** Runs `command` through the UnitOfWork port, in one transaction as the use cases do. */
export async function runCommand(
  uow: UnitOfWork,
  w: RunWorld,
  command: BookingCommand,
): Promise<Outcome> {
  const sittingId = async (r: Repositories) =>
    (await r.sittings.findBySlotAndDate(w.sitting.slotId, w.sitting.date))?.id;
  try {
    return {
      done: await uow.transaction(async (r) => {
        switch (command.kind) {
          case 'ensure': {
            const s = await r.sittings.ensure(w.sitting);
            return { status: s.status, booked: s.booked, places: s.places };
          }
          case 'book': {
            const request = {
              patientId: w.patients[command.patient]!,
              bookedBy: w.bookedBy,
              at,
              idempotencyKey: command.key,
              claimLimit: command.limit,
            };
            const booked =
              command.via === 'ensure'
                ? (await r.appointments.ensureSittingAndBook({ ...request, sitting: w.sitting }))
                    .appointment
                : await r.appointments.book({
                    ...request,
                    sittingId: (await sittingId(r)) ?? nowhere,
                  });
            w.latest.set(command.patient, booked.id);
            return { queueNumber: booked.queueNumber, status: booked.status };
          }
          case 'transition': {
            const id = w.latest.get(command.patient);
            // From every status the domain allows this change from, as the use cases ask.
            const from = statuses.filter((status) => canTransition(status, command.to));
            const moved = await r.appointments.transition(id ?? nowhere, {
              from,
              to: command.to,
              actorId: null,
              at,
              reason: null,
            });
            return moved && { queueNumber: moved.queueNumber, status: moved.status };
          }
          case 'cancelSitting':
          case 'completeSitting': {
            const id = (await sittingId(r)) ?? nowhere;
            const changed = await r.sittings.setStatus(
              id,
              command.kind === 'cancelSitting' ? 'cancelled' : 'completed',
              ['scheduled'],
            );
            if (!changed || command.kind === 'completeSitting') return changed;
            const cancelled = await r.appointments.transitionAllInSitting(id, {
              from: ['booked', 'checked_in'],
              to: 'cancelled',
              actorId: null,
              at,
              reason: 'sitting cancelled',
            });
            return cancelled.map((a) => a.queueNumber).sort();
          }
        }
      }),
    };
  } catch (error) {
    if (isDomainError(error)) return { refused: error.code };
    throw error;
  }
}

/** The sitting and its appointments, by patient index: what both stores must agree on. */
export async function observe(uow: UnitOfWork, w: RunWorld): Promise<unknown> {
  const sitting = await uow.read.sittings.findBySlotAndDate(w.sitting.slotId, w.sitting.date);
  if (!sitting) return 'no sitting';
  const appointments = await uow.read.appointments.listBySitting(sitting.id);
  return {
    status: sitting.status,
    booked: sitting.booked,
    appointments: appointments
      .map((d) =>
        [
          w.patients.indexOf(d.appointment.patientId),
          d.appointment.queueNumber,
          d.appointment.status,
        ].join(' '),
      )
      .sort(),
  };
}
