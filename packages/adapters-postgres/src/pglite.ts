/**
 * `@doctorly/adapters-postgres/pglite`: the embedded database, PGlite (PostgreSQL compiled
 * to WebAssembly, in this process). A subpath of its own so that a host on a PostgreSQL
 * server never loads PGlite: `createPostgresAdapters` imports it only for a `dataDir`.
 * @module @doctorly/adapters-postgres/pglite
 */
export { PGliteSqlClient } from './sql/pglite-client.js';
