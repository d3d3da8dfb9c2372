// The contract's tests run its endpoints over core's real use cases on core's in-memory
// adapters: nothing is mocked, and the whole set is cheap enough to build per test.
import {
  defaultBookingLimits,
  Authenticate,
  CancelAppointment,
  GetCurrentUser,
  GetDoctor,
  IssueToken,
  ListPatients,
  RegisterPatient,
  RegisterUser,
  RevokeToken,
  type AuthenticatedActor,
} from '@doctorly/core';
import {
  InMemoryCache,
  InMemoryRateLimiter,
  InMemoryTokenIssuer,
  InMemoryTokenRevocationStore,
  InMemoryUnitOfWork,
  InsecureTestPasswordHasher,
  ManualClock,
  RecordingOutboxPublisher,
} from '@doctorly/core/testing';
import type { UseCaseSet } from '../endpoint/use-case-set.js';

/** The use cases the contract's tests serve, and a signed-in user. */
export interface InMemoryApi {
  readonly useCases: Pick<
    UseCaseSet,
    | 'authenticate'
    | 'registerUser'
    | 'getCurrentUser'
    | 'getDoctor'
    | 'registerPatient'
    | 'listPatients'
    | 'cancelAppointment'
    | 'revokeToken'
  >;
  readonly token: string;
  readonly actor: AuthenticatedActor;
}

/** Builds the use cases over fresh in-memory adapters and signs a user in. */
export async function inMemoryApi(): Promise<InMemoryApi> {
  const clock = new ManualClock();
  const uow = new InMemoryUnitOfWork();
  const cache = new InMemoryCache(clock);
  const publisher = new RecordingOutboxPublisher();
  const hasher = new InsecureTestPasswordHasher();
  const tokens = new InMemoryTokenIssuer(3600);
  const revocations = new InMemoryTokenRevocationStore(clock);
  const useCases = {
    authenticate: new Authenticate(uow, clock, tokens, revocations, cache),
    registerUser: new RegisterUser(uow, publisher, clock, hasher),
    getCurrentUser: new GetCurrentUser(uow, cache),
    getDoctor: new GetDoctor(uow, cache, clock),
    registerPatient: new RegisterPatient(uow, publisher, clock, defaultBookingLimits),
    listPatients: new ListPatients(uow, cache),
    cancelAppointment: new CancelAppointment(uow, publisher, clock, defaultBookingLimits),
    revokeToken: new RevokeToken(revocations),
  };
  await useCases.registerUser.execute({
    name: 'Ann',
    email: 'ann@example.com',
    password: 'password-123',
  });
  const issue = new IssueToken(uow, clock, hasher, tokens, new InMemoryRateLimiter(clock));
  const { token } = await issue.execute({ email: 'ann@example.com', password: 'password-123' });
  return { useCases, token, actor: await useCases.authenticate.execute(token) };
}
