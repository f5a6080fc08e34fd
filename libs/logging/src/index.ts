export * from './redact.js';
export * from './app-logger.js';
