export { nodeModule, type NodeModuleConfig } from './node-module.js';
export { memoryModule, type MemoryModuleConfig, type MemoryPort } from './memory-module.js';
export { liveModule } from './live-module.js';
