import { DiscardPolicy, RetentionPolicy, StorageType, type JetStreamManager, type StreamConfig } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { DEFAULT_STREAM_MAX_AGE_DAYS } from '#libs/config';
import { deadLetterAuditStream, deadLetterStream, streamName } from './subjects.js';

/** Services that publish events; each owns one stream. */
export const PRODUCERS = ['intake', 'routing', 'approval', 'fees', 'delivery'] as const;

export interface StreamOptions {
  /** JetStream drops a second publish with the same Nats-Msg-Id inside this window. */
  duplicateWindowMs?: number;
  replicas?: number;
  /** Events older than this leave the stream (0 keeps them forever); see housekeeping.ts for the inbox that must outlive it. */
  maxAgeDays?: number;
}

function streamConfigs(namespace: string, opts: StreamOptions): (Partial<StreamConfig> & { name: string })[] {
  const common = {
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    duplicate_window: nanos(opts.duplicateWindowMs ?? 10 * 60_000),
    num_replicas: opts.replicas ?? 1,
    max_age: nanos((opts.maxAgeDays ?? DEFAULT_STREAM_MAX_AGE_DAYS) * 86_400_000),
  };
  return [
    ...PRODUCERS.map((p) => ({ ...common, name: streamName(namespace, p), subjects: [`${namespace}.${p}.>`] })),
    // Dead letters wait for a person, however long that takes.
    { ...common, name: deadLetterStream(namespace), subjects: [`${namespace}.dlq.>`], max_age: 0 },
    // What people did with dead letters is an audit record: kept, and never deleted by the tools.
    { ...common, name: deadLetterAuditStream(namespace), subjects: [`${namespace}.dlqaudit.>`], max_age: 0 },
  ];
}

/**
 * Creates or updates every stream; safe to run from every replica at once (a lost race to create is an update).
 * All streams are ensured by every service because a consumer can only be bound to a stream that exists.
 */
export async function ensureStreams(jsm: JetStreamManager, namespace: string, opts: StreamOptions = {}): Promise<void> {
  for (const cfg of streamConfigs(namespace, opts)) {
    try {
      await jsm.streams.add(cfg);
    } catch {
      await jsm.streams.update(cfg.name, cfg);
    }
  }
}

export async function deleteStreams(jsm: JetStreamManager, namespace: string): Promise<void> {
  for (const cfg of streamConfigs(namespace, {})) {
    await jsm.streams.delete(cfg.name).catch(() => undefined);
  }
}
