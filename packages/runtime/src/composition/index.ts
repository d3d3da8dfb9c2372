export {
  createRuntime,
  type Runtime,
  type RuntimeHealth,
  type CreateRuntimeOptions,
} from './runtime.js';
export { RuntimeContainer } from './runtime-container.js';
export { useCaseNames, useCaseIdentifier, type UseCases, type UseCaseName } from './use-cases.js';
export type { Ports } from './ports.js';
export type { RedisHealth } from './infrastructure.js';
export { HostOutboxPublisher, type HostOutboxPublisherOptions } from './host-outbox-publisher.js';
export type { WorkerTickResult, RelayOutboxSummary } from './worker-tick.js';
export { ConfigToken, LoggerToken, BookingPolicyToken, type RuntimeServices } from './tokens.js';
export { demoPassword } from './demo-data.js';
