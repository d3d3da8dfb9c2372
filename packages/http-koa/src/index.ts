/**
 * `@doctorly/http-koa`: Doctorly's bundled REST server (Koa). `createServer(runtime)` serves
 * the seed's endpoints and more over a runtime from `@doctorly/runtime`.
 * @module @doctorly/http-koa
 */
export { createServer, type DoctorlyServer, type ServerOptions } from './server.js';
export { domainErrorTable, hostErrorTable, type ErrorCode, type ErrorMapping, type HostErrorCode } from './errors/error-table.js';
export type { ErrorBody, FieldErrorBody } from './errors/error-body.js';
export { HttpProblem } from './errors/http-problem.js';
export { prepareImage, imageBox } from './uploads/image.js';
export { buildOpenApiDocument, type DocumentInfo } from './openapi/document.js';
export type { RouteDefinition, RouteBody, RouteInput, RouteContext } from './routes/route.js';
export type { ServerState, AuthScheme } from './http/state.js';
export type { ServerMetrics } from './http/metrics.js';
