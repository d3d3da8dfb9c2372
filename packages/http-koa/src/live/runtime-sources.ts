import { sittingTopic } from '@doctorly/core';
import type { Runtime } from '@doctorly/runtime';
import type { LiveSources } from './live-sources.js';

/**
 * The live streams' sources in a composed runtime: the board and appointment use cases (the
 * same reads, and the same access rules, as `GET /sittings/{id}/board` and the appointment
 * view), and the runtime's `LiveChannel` port for change notices.
 */
export function runtimeLiveSources(runtime: Runtime): LiveSources {
  return {
    readBoard: (sittingId) => runtime.useCases.getSittingBoard.execute({ id: sittingId }),
    readAppointment: (actor, appointmentId) =>
      runtime.useCases.getAppointment.execute(actor, { id: appointmentId }),
    watchSitting: (sittingId, onNotice) =>
      runtime.ports.live.subscribe(sittingTopic(sittingId), () => onNotice()),
  };
}
