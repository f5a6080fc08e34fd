import { connect, type NatsConnection } from '@nats-io/transport-node';

/**
 * Reconnects forever: a NATS restart must not take a service down, JetStream redelivers what was in flight.
 * noAsyncTraces: nats.js otherwise builds an Error (a stack trace) on every request in case it times out, which was
 * over 5% of the gateway's CPU; our RPC errors carry the subject and correlation id instead.
 */
export async function connectNats(url: string, name: string): Promise<NatsConnection> {
  return connect({ servers: url, name, maxReconnectAttempts: -1, reconnectTimeWait: 500, timeout: 3000, noAsyncTraces: true });
}
