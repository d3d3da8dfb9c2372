export { configSchema, type Config, type ParsedConfig } from './schema.js';
export { loadConfig, ConfigError, type Environment } from './load-config.js';
export { configVariables, type ConfigVariable } from './variables.js';
export { parseDurationSeconds } from './duration.js';
