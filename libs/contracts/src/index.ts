// Cross-cutting: the envelope and Actor, errors, health, commands, validation, the case's life.
export * from './envelope.js';
export * from './errors.js';
export * from './health.js';
export * from './validation-problems.js';
export * from './check-command.js';
export * from './patterns.js';
export * from './page-query.schema.js';
export * from './case-status.js';
// Composed from the services' own contracts below.
export * from './events.js';
export * from './rpc.js';
export * from './rpc-map.js';
// Per owning service: events.ts (<Service>Events, data, <Service>EventDataMap), rpc.ts (<Service>Rpc, requests,
// replies, <Service>RpcMap) and the shapes and schemas only that service defines.
export * from './intake/catalog.js';
export * from './intake/events.js';
export * from './intake/rpc.js';
export * from './intake/verify-applicant.schema.js';
export * from './routing/events.js';
export * from './routing/rpc.js';
export * from './routing/ratings.js';
export * from './routing/audit.js';
export * from './routing/case-view.js';
export * from './approval/decisions.js';
export * from './approval/decide-task.schema.js';
export * from './approval/assign-task.schema.js';
export * from './approval/bulk-tasks.schema.js';
export * from './approval/extend-task.schema.js';
export * from './approval/delegation.schema.js';
export * from './approval/site-survey.schema.js';
export * from './approval/opinion.schema.js';
export * from './approval/worklist.schema.js';
export * from './approval/events.js';
export * from './approval/rpc.js';
export * from './delivery/events.js';
export * from './delivery/rpc.js';
export * from './delivery/decision-letters.js';
export * from './delivery/courier.js';
export * from './delivery/certificates.js';
export * from './delivery/notifications.js';
export * from './fees/events.js';
export * from './fees/rpc.js';
export * from './fees/reconciliation.js';
export * from './fees/schemas.js';
export * from './instant.js';
export * from './no-nested-arrays.js';
