export * from './envelope.js';
export * from './errors.js';
export * from './catalog.js';
export * from './events.js';
export * from './rpc.js';
export * from './intake-window.js';
export * from './workbench.js';
export * from './clock.js';
