import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import type { EventEnvelope } from '#libs/contracts';
import { deadLetterStream } from './subjects.js';

export interface DeadLetter {
  seq: number;
  consumer: string;
  reason: string;
  deliveries: number;
  originalSubject: string;
  parkedAt: string;
  event?: Pick<EventEnvelope, 'id' | 'type' | 'caseNo' | 'occurredAt'>;
}

/** What sits in the dead-letter stream, oldest first; `consumer` narrows it to one durable consumer. */
export async function listDeadLetters(nc: NatsConnection, namespace: string, consumer?: string): Promise<DeadLetter[]> {
  const jsm = await jetstreamManager(nc);
  const stream = deadLetterStream(namespace);
  const info = await jsm.streams.info(stream).catch(() => undefined);
  if (!info || info.state.messages === 0) return [];
  const letters: DeadLetter[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
    const m = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
    if (!m) continue; // deleted after a replay
    const letter: DeadLetter = {
      seq,
      consumer: m.header.get('x-dlq-consumer'),
      reason: m.header.get('x-dlq-reason'),
      deliveries: Number(m.header.get('x-dlq-deliveries')),
      originalSubject: m.header.get('x-dlq-original-subject'),
      parkedAt: m.time.toISOString(),
    };
    try {
      const e = m.json<EventEnvelope>();
      letter.event = { id: e.id, type: e.type, caseNo: e.caseNo, occurredAt: e.occurredAt };
    } catch {
      /* unreadable: listed without its event */
    }
    if (!consumer || letter.consumer === consumer) letters.push(letter);
  }
  return letters;
}

/**
 * Puts dead letters back on their original subject (after the cause is mended) and removes them from the dead-letter
 * stream. Every consumer of that subject sees the event again; those that already handled it skip it by their inbox,
 * so only the consumer that failed does the work.
 */
export async function replayDeadLetters(nc: NatsConnection, namespace: string, opts: { consumer?: string; seq?: number } = {}): Promise<DeadLetter[]> {
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  const stream = deadLetterStream(namespace);
  const replayed: DeadLetter[] = [];
  for (const letter of await listDeadLetters(nc, namespace, opts.consumer)) {
    if (opts.seq !== undefined && letter.seq !== opts.seq) continue;
    const m = await jsm.streams.getMessage(stream, { seq: letter.seq });
    if (!m) continue;
    const h = natsHeaders();
    h.set('x-replayed-from-dlq', String(letter.seq));
    // The id makes a replay that is interrupted and run again publish once within the duplicate window.
    await js.publish(letter.originalSubject, m.data, { headers: h, msgID: `replay:${stream}:${letter.seq}` });
    await jsm.streams.deleteMessage(stream, letter.seq);
    replayed.push(letter);
  }
  return replayed;
}
