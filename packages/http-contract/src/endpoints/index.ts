import type { EndpointDeclaration } from '../endpoint/declaration.js';
import type { ApiEndpoint } from '../endpoint/endpoint.js';
import * as appointments from './appointments.js';
import * as auth from './auth.js';
import * as board from './board.js';
import * as catalog from './catalog.js';
import * as doctorLists from './doctor-lists.js';
import * as doctors from './doctors.js';
import * as leave from './leave.js';
import { liveEndpoints } from './live.js';
import { operationEndpoints } from './operations.js';
import * as patients from './patients.js';
import * as sittings from './sittings.js';
import * as users from './users.js';
import * as waitlist from './waitlist.js';

export * from './appointments.js';
export * from './auth.js';
export * from './board.js';
export * from './catalog.js';
export * from './doctor-lists.js';
export * from './doctors.js';
export * from './leave.js';
export * from './live.js';
export * from './operations.js';
export * from './patients.js';
export * from './sittings.js';
export * from './users.js';
export * from './waitlist.js';

/**
 * Every API endpoint (the seed's and the additions), by area, in the order they are
 * documented. A host mounts these with their handlers.
 * @category Endpoints
 */
export const apiEndpoints: readonly ApiEndpoint[] = [
  auth.getToken,
  auth.logout,
  users.registerUser,
  users.getCurrentUser,
  doctors.registerDoctor,
  doctorLists.listDoctors,
  doctorLists.searchDoctors,
  doctors.getCurrentDoctor,
  doctors.setDoctorImage,
  doctors.addSlot,
  doctors.addQualifications,
  doctors.addSpecializations,
  doctorLists.listDoctorPatients,
  doctors.getDoctor,
  doctors.listDoctorSlots,
  doctorLists.popularDoctors,
  doctors.getTimings,
  patients.registerPatient,
  patients.listPatients,
  patients.getPatient,
  appointments.bookAppointment,
  appointments.listMyAppointments,
  appointments.getAppointment,
  appointments.getAppointmentHistory,
  appointments.cancelAppointment,
  appointments.rescheduleAppointment,
  appointments.rateDoctor,
  waitlist.joinWaitlist,
  waitlist.listMyWaitlist,
  waitlist.getWaitlistEntry,
  waitlist.leaveWaitlist,
  sittings.getSittingQueue,
  sittings.cancelSitting,
  sittings.checkInAppointment,
  sittings.completeAppointment,
  sittings.markNoShow,
  sittings.startSitting,
  sittings.callAppointment,
  leave.takeLeave,
  leave.listLeaves,
  leave.getLeave,
  leave.reopenLeave,
  board.getSittingBoard,
  catalog.listQualifications,
  catalog.listSpecializations,
  catalog.setSpecializationImage,
  catalog.doctorsByDay,
  catalog.doctorsByName,
  catalog.doctorsBySpecialization,
  catalog.doctorsByQualification,
];

/**
 * Every endpoint a full host serves and documents: the API's, the live streams and page,
 * then the operations endpoints.
 * @category Endpoints
 */
export const allEndpoints: readonly EndpointDeclaration[] = [
  ...apiEndpoints,
  ...liveEndpoints,
  ...operationEndpoints,
];
