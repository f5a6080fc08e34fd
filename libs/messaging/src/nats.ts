import { connect, type NatsConnection } from '@nats-io/transport-node';

/** Reconnects forever: a NATS restart must not take a service down, JetStream redelivers what was in flight. */
export async function connectNats(url: string, name: string): Promise<NatsConnection> {
  return connect({ servers: url, name, maxReconnectAttempts: -1, reconnectTimeWait: 500, timeout: 3000 });
}
