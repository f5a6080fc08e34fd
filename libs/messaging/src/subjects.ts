/** On the wire every subject carries the deployment namespace, so deployments sharing a NATS server never mix. */
export function wireSubject(namespace: string, logical: string): string {
  return `${namespace}.${logical}`;
}

/** One stream per producing service: it owns the subjects of the events it publishes. */
export function streamName(namespace: string, producer: string): string {
  return `${namespace}_${producer}`.toUpperCase();
}

export function deadLetterStream(namespace: string): string {
  return `${namespace}_DLQ`.toUpperCase();
}

/** Every replay and discard of a dead letter, kept for audit. */
export function deadLetterAuditStream(namespace: string): string {
  return `${namespace}_DLQ_AUDIT`.toUpperCase();
}

export function deadLetterAuditSubject(namespace: string, action: string): string {
  return `${namespace}.dlqaudit.${action.toLowerCase()}`;
}

/**
 * `<ns>.dlq.<consumer>.<caseNo>`: the case in the subject lets a case view or a supervisor's list find the letters
 * of a case from the stream's subject counts, without reading every letter. `_` when the event named no case.
 */
export function deadLetterSubject(namespace: string, consumer: string, caseNo?: string): string {
  return `${namespace}.dlq.${consumer}.${caseNo && /^[A-Za-z0-9_-]{1,64}$/.test(caseNo) ? caseNo : '_'}`;
}

export function deadLetterSubjectsOfCase(namespace: string, caseNo: string): string {
  return `${namespace}.dlq.*.${caseNo}`;
}

/** Durable names may not contain dots. */
export function durableName(service: string, eventType: string): string {
  return `${service}__${eventType.replace(/[.*>]/g, '_')}`;
}
