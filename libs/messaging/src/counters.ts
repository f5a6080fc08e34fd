/** Process-wide messaging counters, reported by each service's /health. */
export const counters = {
  published: 0,
  duplicatesDropped: 0,
  consumed: 0,
  /** Transactions that handled more than one event (a consumer's batch). */
  eventBatches: 0,
  redeliveriesSkipped: 0,
  retried: 0,
  deadLettered: 0,
  rpcServed: 0,
  rpcFailed: 0,
  /** Errors that escaped a handler's own error path (should stay 0). */
  handlerCrashes: 0,
  /** Process-level unhandledRejection / uncaughtException caught and survived. */
  unhandledErrors: 0,
};
