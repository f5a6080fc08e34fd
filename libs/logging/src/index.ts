export * from './redact.js';
export * from './app-logger.js';
export * from './correlation.js';
