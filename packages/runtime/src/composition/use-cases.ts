import {
  AddQualifications,
  AddSlot,
  AddSpecializations,
  Authenticate,
  BookAppointment,
  Cache,
  CallAppointment,
  CancelAppointment,
  RescheduleAppointment,
  CancelSitting,
  GetLeave,
  ListLeaves,
  ReopenLeave,
  TakeLeave,
  CheckInAppointment,
  Clock,
  CloseEndedSittings,
  CompleteAppointment,
  CreateAdmin,
  DoctorSearchIndex,
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
  ImageStore,
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
  LiveChannel,
  MarkNoShow,
  MaterializeSittings,
  OutboxPublisher,
  OutboxStore,
  PasswordHasher,
  PopularDoctors,
  RateDoctor,
  RateLimiter,
  ReconcileSearchIndex,
  RegisterDoctor,
  RegisterPatient,
  RegisterUser,
  RelayOutbox,
  RevokeToken,
  SearchDoctors,
  SeedCatalog,
  SetDoctorImage,
  SetSpecializationImage,
  StartSitting,
  TokenIssuer,
  TokenRevocationStore,
  UnitOfWork,
  type ServiceToken,
} from '@doctorly/core';
import type { Container, ContainerModuleLoadOptions, ServiceIdentifier } from 'inversify';
import { BookingPolicyToken, ConfigToken } from './tokens.js';

/** Resolves a port (or any bound service) from the container, typed by its token. */
type Get = <T>(token: ServiceIdentifier<T>) => T;

/**
 * How each use case is built from the container: the one table that names every use case
 * and its ports (positional, as its constructor declares them). Keys are the camelCase
 * names hosts call (`runtime.useCases.bookAppointment`).
 */
const factories = {
  registerUser: (get: Get) =>
    new RegisterUser(get(UnitOfWork), get(OutboxPublisher), get(Clock), get(PasswordHasher)),
  issueToken: (get: Get) =>
    new IssueToken(
      get(UnitOfWork),
      get(Clock),
      get(PasswordHasher),
      get(TokenIssuer),
      get(RateLimiter),
      get(ConfigToken).loginRateLimit,
    ),
  revokeToken: (get: Get) => new RevokeToken(get(TokenRevocationStore)),
  authenticate: (get: Get) =>
    new Authenticate(
      get(UnitOfWork),
      get(Clock),
      get(TokenIssuer),
      get(TokenRevocationStore),
      get(Cache),
    ),
  getCurrentUser: (get: Get) => new GetCurrentUser(get(UnitOfWork), get(Cache)),
  createAdmin: (get: Get) =>
    new CreateAdmin(get(UnitOfWork), get(OutboxPublisher), get(Clock), get(PasswordHasher)),
  registerDoctor: (get: Get) =>
    new RegisterDoctor(get(UnitOfWork), get(OutboxPublisher), get(Clock), get(PasswordHasher)),
  getCurrentDoctor: (get: Get) => new GetCurrentDoctor(get(UnitOfWork), get(Cache), get(Clock)),
  getDoctor: (get: Get) => new GetDoctor(get(UnitOfWork), get(Cache), get(Clock)),
  listDoctors: (get: Get) => new ListDoctors(get(UnitOfWork), get(Cache), get(Clock)),
  setDoctorImage: (get: Get) =>
    new SetDoctorImage(get(UnitOfWork), get(OutboxPublisher), get(Clock), get(ImageStore)),
  setSpecializationImage: (get: Get) =>
    new SetSpecializationImage(get(UnitOfWork), get(OutboxPublisher), get(Clock), get(ImageStore)),
  addQualifications: (get: Get) =>
    new AddQualifications(get(UnitOfWork), get(OutboxPublisher), get(Clock)),
  addSpecializations: (get: Get) =>
    new AddSpecializations(get(UnitOfWork), get(OutboxPublisher), get(Clock)),
  addSlot: (get: Get) =>
    new AddSlot(get(UnitOfWork), get(OutboxPublisher), get(Clock), {
      defaultTimeZone: get(ConfigToken).defaultTimeZone,
    }),
  listDoctorSlots: (get: Get) => new ListDoctorSlots(get(UnitOfWork), get(Cache)),
  listSpecializations: (get: Get) => new ListSpecializations(get(UnitOfWork), get(Cache)),
  listQualifications: (get: Get) => new ListQualifications(get(UnitOfWork), get(Cache)),
  seedCatalog: (get: Get) => new SeedCatalog(get(UnitOfWork), get(OutboxPublisher), get(Clock)),
  registerPatient: (get: Get) =>
    new RegisterPatient(
      get(UnitOfWork),
      get(OutboxPublisher),
      get(Clock),
      get(ConfigToken).bookingLimits,
    ),
  listPatients: (get: Get) => new ListPatients(get(UnitOfWork), get(Cache)),
  getPatient: (get: Get) => new GetPatient(get(UnitOfWork)),
  searchDoctors: (get: Get) => new SearchDoctors(get(DoctorSearchIndex), get(Cache)),
  popularDoctors: (get: Get) =>
    new PopularDoctors(get(UnitOfWork), get(Cache), get(Clock), {
      priorWeight: get(ConfigToken).popularPriorWeight,
    }),
  bookAppointment: (get: Get) =>
    new BookAppointment(
      get(UnitOfWork),
      get(OutboxPublisher),
      get(Clock),
      get(BookingPolicyToken),
      get(ConfigToken).bookingLimits,
    ),
  getTimings: (get: Get) =>
    new GetTimings(get(UnitOfWork), get(Cache), get(Clock), get(BookingPolicyToken)),
  listMyAppointments: (get: Get) => new ListMyAppointments(get(UnitOfWork), get(Cache), get(Clock)),
  getAppointment: (get: Get) => new GetAppointment(get(UnitOfWork), get(Clock)),
  getAppointmentHistory: (get: Get) => new GetAppointmentHistory(get(UnitOfWork), get(Clock)),
  listDoctorPatients: (get: Get) => new ListDoctorPatients(get(UnitOfWork), get(Cache)),
  getSittingQueue: (get: Get) =>
    new GetSittingQueue(get(UnitOfWork), get(Clock), get(BookingPolicyToken)),
  cancelAppointment: (get: Get) =>
    new CancelAppointment(
      get(UnitOfWork),
      get(OutboxPublisher),
      get(Clock),
      get(ConfigToken).bookingLimits,
    ),
  rescheduleAppointment: (get: Get) =>
    new RescheduleAppointment(
      get(UnitOfWork),
      get(OutboxPublisher),
      get(Clock),
      get(BookingPolicyToken),
      get(ConfigToken).bookingLimits,
    ),
  cancelSitting: (get: Get) => new CancelSitting(get(UnitOfWork), get(OutboxPublisher), get(Clock)),
  checkInAppointment: (get: Get) =>
    new CheckInAppointment(get(UnitOfWork), get(OutboxPublisher), get(Clock)),
  completeAppointment: (get: Get) =>
    new CompleteAppointment(get(UnitOfWork), get(OutboxPublisher), get(Clock)),
  markNoShow: (get: Get) => new MarkNoShow(get(UnitOfWork), get(OutboxPublisher), get(Clock)),
  callAppointment: (get: Get) =>
    new CallAppointment(get(UnitOfWork), get(OutboxPublisher), get(Clock)),
  startSitting: (get: Get) => new StartSitting(get(UnitOfWork), get(OutboxPublisher), get(Clock)),
  getSittingBoard: (get: Get) => new GetSittingBoard(get(UnitOfWork), get(Clock)),
  rateDoctor: (get: Get) => new RateDoctor(get(UnitOfWork), get(OutboxPublisher), get(Clock)),
  takeLeave: (get: Get) => new TakeLeave(get(UnitOfWork), get(OutboxPublisher), get(Clock)),
  listLeaves: (get: Get) => new ListLeaves(get(UnitOfWork)),
  getLeave: (get: Get) => new GetLeave(get(UnitOfWork)),
  reopenLeave: (get: Get) => new ReopenLeave(get(UnitOfWork), get(OutboxPublisher), get(Clock)),
  joinWaitlist: (get: Get) =>
    new JoinWaitlist(
      get(UnitOfWork),
      get(OutboxPublisher),
      get(Clock),
      get(BookingPolicyToken),
      get(ConfigToken).bookingLimits,
    ),
  listMyWaitlist: (get: Get) => new ListMyWaitlist(get(UnitOfWork), get(Clock)),
  getWaitlistEntry: (get: Get) => new GetWaitlistEntry(get(UnitOfWork)),
  leaveWaitlist: (get: Get) => new LeaveWaitlist(get(UnitOfWork), get(OutboxPublisher), get(Clock)),
  materializeSittings: (get: Get) =>
    new MaterializeSittings(get(UnitOfWork), get(OutboxPublisher), get(BookingPolicyToken)),
  closeEndedSittings: (get: Get) => new CloseEndedSittings(get(UnitOfWork), get(OutboxPublisher)),
  relayOutbox: (get: Get) =>
    new RelayOutbox(
      get(OutboxStore),
      get(UnitOfWork),
      get(Cache),
      get(DoctorSearchIndex),
      get(LiveChannel),
    ),
  reconcileSearchIndex: (get: Get) =>
    new ReconcileSearchIndex(get(UnitOfWork), get(DoctorSearchIndex)),
} as const;

/**
 * Every core use case, ready to call, by camelCase name. Hosts call these and nothing
 * else of the domain.
 * @category Composition
 */
export type UseCases = {
  readonly [K in keyof typeof factories]: ReturnType<(typeof factories)[K]>;
};

/** The camelCase names of every use case (`registerUser`, `bookAppointment` …). @category Composition */
export type UseCaseName = keyof UseCases;

/** Every use case name, in wiring order. @category Composition */
export const useCaseNames = Object.keys(factories) as UseCaseName[];

/**
 * Binds every use case under {@link useCaseIdentifier}: a singleton built from the bound
 * ports on first resolution, so a port rebound before that is the one it gets.
 */
export function bindUseCases(options: Pick<ContainerModuleLoadOptions, 'bind'>): void {
  for (const name of useCaseNames) {
    const factory: (get: Get) => UseCases[typeof name] = factories[name];
    options
      .bind(useCaseIdentifier(name))
      .toDynamicValue((context) => factory((token) => context.get(token)))
      .inSingletonScope();
  }
}

/**
 * Every use case of `container`, each resolved on first access (then the same instance):
 * nothing is built before a host calls it, and a host that calls three use cases builds
 * three.
 */
export function lazyUseCases(container: Pick<Container, 'get'>): UseCases {
  const useCases = {};
  for (const name of useCaseNames) {
    Object.defineProperty(useCases, name, {
      enumerable: true,
      get: () => container.get(useCaseIdentifier(name)),
    });
  }
  // Each key was defined just above with the getter of its own use case.
  return useCases as UseCases;
}

/**
 * The service identifier of a use case in the container,
 * `Symbol.for('doctorly.useCase.<name>')`, typed so that `container.get(useCaseIdentifier('bookAppointment'))`
 * is a `BookAppointment`.
 * @category Composition
 */
export function useCaseIdentifier<N extends UseCaseName>(name: N): ServiceToken<UseCases[N]> {
  return Symbol.for(`doctorly.useCase.${name}`);
}
