import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import type { EventEnvelope } from '#libs/contracts';
import { deadLetterAuditStream, deadLetterAuditSubject, deadLetterStream, deadLetterSubjectsOfCase } from './subjects.js';

export interface DeadLetter {
  seq: number;
  consumer: string;
  /** The service whose consumer parked it. */
  service?: string;
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
      service: m.header.get('x-dlq-service') || undefined,
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
export async function replayDeadLetters(
  nc: NatsConnection,
  namespace: string,
  opts: { consumer?: string; seq?: number; by?: string } = {},
): Promise<DeadLetter[]> {
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
    await audit(nc, namespace, { action: 'REPLAYED', letter, by: opts.by ?? 'unknown', reason: 'replayed after the cause was mended' });
    await jsm.streams.deleteMessage(stream, letter.seq);
    replayed.push(letter);
  }
  return replayed;
}

/** Why a case stands still: one entry per consumer that parked one of its events. */
export interface CaseBlock {
  caseNo: string;
  service: string;
  consumer: string;
  eventType?: string;
  reason: string;
  parkedAt: string;
  /** Letters parked for this case by this consumer; `seq` is the latest, for `npm run dlq`. */
  letters: number;
  seq: number;
}

/**
 * The blocks on one case (or on every case when caseNo is omitted), read from the dead-letter stream's subject
 * counts and the latest letter per subject: a few JetStream calls, not a scan. A case is blocked for as long as a
 * letter of it is parked; replay or discard lifts it.
 */
export async function caseBlocks(nc: NatsConnection, namespace: string, caseNo?: string, limit = 1000): Promise<CaseBlock[]> {
  const jsm = await jetstreamManager(nc);
  const stream = deadLetterStream(namespace);
  const filter = caseNo ? deadLetterSubjectsOfCase(namespace, caseNo) : `${namespace}.dlq.*.*`;
  const info = await jsm.streams.info(stream, { subjects_filter: filter }).catch(() => undefined);
  const subjects = Object.entries(info?.state.subjects ?? {})
    .filter(([subject]) => !subject.endsWith('._'))
    .slice(0, limit);
  const blocks = await Promise.all(
    subjects.map(async ([subject, count]): Promise<CaseBlock | null> => {
      const m = await jsm.streams.getMessage(stream, { last_by_subj: subject }).catch(() => null);
      if (!m) return null;
      let eventType: string | undefined;
      try {
        eventType = m.json<EventEnvelope>().type;
      } catch {
        /* unreadable letters still block their case */
      }
      const consumer = m.header.get('x-dlq-consumer');
      return {
        caseNo: subject.slice(subject.lastIndexOf('.') + 1),
        service: m.header.get('x-dlq-service') || consumer.split('__')[0],
        consumer,
        ...(eventType ? { eventType } : {}),
        reason: m.header.get('x-dlq-reason'),
        parkedAt: m.time.toISOString(),
        letters: count,
        seq: m.seq,
      };
    }),
  );
  return blocks.filter((b): b is CaseBlock => b !== null);
}

/**
 * Settles a letter on purpose: the event will not be handled by that consumer (a person decided so, with a reason).
 * The letter and the decision are written to the audit stream before the letter leaves the dead-letter stream.
 */
export async function discardDeadLetter(
  nc: NatsConnection,
  namespace: string,
  opts: { consumer: string; seq: number; reason: string; by: string },
): Promise<DeadLetter> {
  if (!opts.reason.trim()) throw new Error('a discard needs a reason');
  const letter = (await listDeadLetters(nc, namespace, opts.consumer)).find((l) => l.seq === opts.seq);
  if (!letter) throw new Error(`no dead letter #${opts.seq} for ${opts.consumer}`);
  const jsm = await jetstreamManager(nc);
  await audit(nc, namespace, { action: 'DISCARDED', letter, by: opts.by, reason: opts.reason });
  await jsm.streams.deleteMessage(deadLetterStream(namespace), opts.seq);
  return letter;
}

export interface DeadLetterAuditEntry {
  action: 'REPLAYED' | 'DISCARDED';
  letter: DeadLetter;
  by: string;
  reason: string;
  at: string;
}

/** What was done with dead letters, by whom and why, oldest first. */
export async function deadLetterAudit(nc: NatsConnection, namespace: string): Promise<DeadLetterAuditEntry[]> {
  const jsm = await jetstreamManager(nc);
  const stream = deadLetterAuditStream(namespace);
  const info = await jsm.streams.info(stream).catch(() => undefined);
  if (!info || info.state.messages === 0) return [];
  const entries: DeadLetterAuditEntry[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
    const m = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
    if (m) entries.push(m.json<DeadLetterAuditEntry>());
  }
  return entries;
}

async function audit(nc: NatsConnection, namespace: string, entry: Omit<DeadLetterAuditEntry, 'at'>): Promise<void> {
  const js = jetstream(nc);
  const record: DeadLetterAuditEntry = { ...entry, at: new Date().toISOString() };
  // The id makes an interrupted and repeated settle write one audit entry.
  await js.publish(deadLetterAuditSubject(namespace, entry.action), JSON.stringify(record), { msgID: `audit:${entry.action}:${entry.letter.seq}` });
}
