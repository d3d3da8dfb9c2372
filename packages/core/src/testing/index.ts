/**
 * `@doctorly/core/testing`: in-memory adapters of every port (for tests and embedding
 * hosts' demos), the contract suite of each port, and fast-check arbitraries.
 * @packageDocumentation
 */
export {};
