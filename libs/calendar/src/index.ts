export * from './shanghai-time.js';
export * from './working-calendar.js';
