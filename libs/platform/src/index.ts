export * from './service-config.token.js';
export * from './process-guards.js';
export * from './bootstrap.js';
export * from './health.js';
export * from './health-rpc.handler.js';
export * from './platform.module.js';
export * from './periodic-job.js';
