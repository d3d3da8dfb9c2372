/**
 * `@doctorly/runtime`: Doctorly's configuration (environment variables, parsed once), the
 * Node adapters (scrypt, JWT, filesystem images, system clock), the inversify container
 * modules of the Node and in-memory adapters, and the one composition root shared by the
 * HTTP server and the worker.
 * @module @doctorly/runtime
 */
export * from './config/index.js';
export * from './adapters/index.js';
export * from './modules/index.js';
export * from './composition/index.js';
