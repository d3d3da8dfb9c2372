/**
 * `@doctorly/http-koa`: Doctorly's bundled REST server (Koa). `createServer(runtime)` serves
 * the endpoints of `@doctorly/http-contract` over a runtime from `@doctorly/runtime`.
 * @module @doctorly/http-koa
 */
export { createServer, type DoctorlyServer, type ServerOptions } from './server.js';
export { prepareImage, imageBox } from './uploads/image.js';
export type { ServerState } from './http/state.js';
export type { ServerMetrics } from './http/metrics.js';
export type { LiveHub, StreamKind } from './live/live-hub.js';
export { defaultLiveOptions, type LiveOptions } from './live/live-options.js';
