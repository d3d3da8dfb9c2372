import type {
  AddQualifications,
  AddSlot,
  AddSpecializations,
  Authenticate,
  BookAppointment,
  CallAppointment,
  CancelAppointment,
  RescheduleAppointment,
  CancelSitting,
  CheckInAppointment,
  CompleteAppointment,
  GetAppointment,
  GetAppointmentHistory,
  GetCurrentDoctor,
  GetCurrentUser,
  GetDoctor,
  GetPatient,
  GetSittingBoard,
  GetSittingQueue,
  GetTimings,
  GetWaitlistEntry,
  IssueToken,
  JoinWaitlist,
  LeaveWaitlist,
  ListDoctorPatients,
  ListDoctorSlots,
  ListDoctors,
  ListMyAppointments,
  ListMyWaitlist,
  ListPatients,
  ListQualifications,
  ListSpecializations,
  MarkNoShow,
  PopularDoctors,
  RateDoctor,
  RegisterDoctor,
  RegisterPatient,
  RegisterUser,
  RevokeToken,
  SearchDoctors,
  SetDoctorImage,
  SetSpecializationImage,
  StartSitting,
  TakeLeave,
  ListLeaves,
  GetLeave,
  ReopenLeave,
} from '@doctorly/core';

/**
 * The core use cases the HTTP endpoints call, by the camelCase name the runtime gives them
 * (`@doctorly/runtime`'s `UseCases` has them all, so it satisfies this structurally). Each
 * endpoint names the few it uses, so a host that wires core by hand passes only those
 * (`Pick<UseCaseSet, 'searchDoctors'>`). `authenticate` turns a bearer token into the actor.
 * @category Endpoints
 */
export interface UseCaseSet {
  readonly authenticate: Authenticate;
  readonly issueToken: IssueToken;
  readonly revokeToken: RevokeToken;
  readonly registerUser: RegisterUser;
  readonly getCurrentUser: GetCurrentUser;
  readonly registerDoctor: RegisterDoctor;
  readonly getCurrentDoctor: GetCurrentDoctor;
  readonly getDoctor: GetDoctor;
  readonly listDoctors: ListDoctors;
  readonly searchDoctors: SearchDoctors;
  readonly popularDoctors: PopularDoctors;
  readonly setDoctorImage: SetDoctorImage;
  readonly addSlot: AddSlot;
  readonly addQualifications: AddQualifications;
  readonly addSpecializations: AddSpecializations;
  readonly listDoctorPatients: ListDoctorPatients;
  readonly listDoctorSlots: ListDoctorSlots;
  readonly getTimings: GetTimings;
  readonly registerPatient: RegisterPatient;
  readonly listPatients: ListPatients;
  readonly getPatient: GetPatient;
  readonly bookAppointment: BookAppointment;
  readonly listMyAppointments: ListMyAppointments;
  readonly getAppointment: GetAppointment;
  readonly getAppointmentHistory: GetAppointmentHistory;
  readonly cancelAppointment: CancelAppointment;
  readonly rescheduleAppointment: RescheduleAppointment;
  readonly rateDoctor: RateDoctor;
  readonly joinWaitlist: JoinWaitlist;
  readonly listMyWaitlist: ListMyWaitlist;
  readonly getWaitlistEntry: GetWaitlistEntry;
  readonly leaveWaitlist: LeaveWaitlist;
  readonly getSittingQueue: GetSittingQueue;
  readonly cancelSitting: CancelSitting;
  readonly checkInAppointment: CheckInAppointment;
  readonly completeAppointment: CompleteAppointment;
  readonly markNoShow: MarkNoShow;
  readonly callAppointment: CallAppointment;
  readonly startSitting: StartSitting;
  readonly getSittingBoard: GetSittingBoard;
  readonly listQualifications: ListQualifications;
  readonly listSpecializations: ListSpecializations;
  readonly setSpecializationImage: SetSpecializationImage;
  readonly takeLeave: TakeLeave;
  readonly listLeaves: ListLeaves;
  readonly getLeave: GetLeave;
  readonly reopenLeave: ReopenLeave;
}

/** The name of a use case in a {@link UseCaseSet}. @category Endpoints */
export type UseCaseName = keyof UseCaseSet;
