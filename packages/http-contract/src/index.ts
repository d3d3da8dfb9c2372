/**
 * `@doctorly/http-contract`: Doctorly's HTTP API as any host serves it. The endpoints
 * (method, path, auth, the schemas of their inputs, their answer, their errors) with
 * host-neutral handlers over core's use cases; the one table from error codes to statuses
 * and the error body; the OpenAPI 3.1 document. `@doctorly/http-koa` serves all of it;
 * `examples/other-framework` serves two endpoints on bare `node:http`.
 * @module @doctorly/http-contract
 */
export type {
  AuthScheme,
  BodyDeclaration,
  EndpointDeclaration,
  HttpMethod,
  ResponseDeclaration,
  SuccessAnswer,
} from './endpoint/declaration.js';
export type {
  ActorOf,
  BasicCredentials,
  BodyOf,
  ClientInfo,
  HandlerInput,
  OutputOf,
  RawRequest,
} from './endpoint/handler-input.js';
export {
  endpoint,
  type ApiEndpoint,
  type EndpointSpec,
  type UseCasesOf,
} from './endpoint/endpoint.js';
export type { UseCaseName, UseCaseSet } from './endpoint/use-case-set.js';
export {
  authenticateRequest,
  basicCredentials,
  bearerToken,
  requireBasicCredentials,
  requireBearerToken,
} from './endpoint/credentials.js';
export * from './endpoints/index.js';
export { Presenter } from './present/presenter.js';
export {
  domainErrorTable,
  hostErrorTable,
  mappingOf,
  type ErrorCode,
  type ErrorMapping,
  type HostErrorCode,
} from './errors/error-table.js';
export type { ErrorBody, FieldErrorBody } from './errors/error-body.js';
export {
  errorAnswer,
  internalProblem,
  problemOf,
  type ErrorAnswer,
  type ErrorContext,
  type Problem,
} from './errors/error-answer.js';
export { HttpProblem } from './errors/http-problem.js';
export { buildOpenApiDocument, type DocumentInfo } from './openapi/document.js';
export * from './openapi/view-schemas.js';
export * from './openapi/leave-view-schemas.js';
