export * from './shanghai-time.js';
export * from './working-calendar.js';
export * from './working-time.js';
export * from './warning-rule.js';
