import type { AuthenticatedActor } from '@doctorly/core';

/** A board as the streams need it: any JSON view with its sitting's `version`. */
export interface VersionedView {
  readonly version: number;
}

/** An appointment view as the streams need it: it names its sitting. */
export interface SittingMember {
  readonly sitting_id: number;
}

/** A subscription to a sitting's change notices. */
export interface NoticeSubscription {
  unsubscribe(): unknown;
}

/**
 * What the live streams read and listen to: the public board of a sitting, an appointment
 * as its owner or doctor sees it, and notices that a sitting changed. The runtime provides
 * all three ({@link runtimeLiveSources}); unit tests give their own.
 */
export interface LiveSources {
  /** The sitting's board; throws `SITTING_NOT_FOUND` for an unknown sitting. */
  readBoard(sittingId: number): Promise<VersionedView>;
  /** The appointment as `actor` may see it; throws `APPOINTMENT_NOT_FOUND` otherwise. */
  readAppointment(actor: AuthenticatedActor, appointmentId: number): Promise<SittingMember>;
  /** Calls `onNotice` after every committed change of the sitting or its appointments. */
  watchSitting(
    sittingId: number,
    onNotice: () => void,
  ): NoticeSubscription | Promise<NoticeSubscription>;
}
