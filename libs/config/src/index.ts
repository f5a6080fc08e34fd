export * from './service-config.js';
export * from './process-settings.js';
export * from './stream-settings.js';
export * from './gateway-settings.js';
export * from './intake-settings.js';
export * from './routing-settings.js';
export * from './fees-settings.js';
export * from './session-settings.js';
