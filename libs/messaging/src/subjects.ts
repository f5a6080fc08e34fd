/** On the wire every subject carries the deployment namespace, so deployments sharing a NATS server never mix. */
export function wireSubject(namespace: string, logical: string): string {
  return `${namespace}.${logical}`;
}

export function logicalSubject(namespace: string, wire: string): string {
  return wire.startsWith(`${namespace}.`) ? wire.slice(namespace.length + 1) : wire;
}

/** One stream per producing service: it owns the subjects of the events it publishes. */
export function streamName(namespace: string, producer: string): string {
  return `${namespace}_${producer}`.toUpperCase();
}

export function deadLetterStream(namespace: string): string {
  return `${namespace}_DLQ`.toUpperCase();
}

export function deadLetterSubject(namespace: string, consumer: string): string {
  return `${namespace}.dlq.${consumer}`;
}

/** Durable names may not contain dots. */
export function durableName(service: string, eventType: string): string {
  return `${service}__${eventType.replace(/[.*>]/g, '_')}`;
}
