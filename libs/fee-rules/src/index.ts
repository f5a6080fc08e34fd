export * from './fee-rules.js';
