import { wholeNumber } from './whole-number.js';

/** STREAM_MAX_AGE_DAYS unless set; also what `ensureStreams` uses when it is not told. */
export const DEFAULT_STREAM_MAX_AGE_DAYS = 30;

/** How long events and the outbox and inbox rows about them are kept. */
export interface StreamSettings {
  /** STREAM_REPLICAS: copies of each stream (3 on a NATS cluster; JetStream allows at most 5). */
  streamReplicas: number;
  /** STREAM_MAX_AGE_DAYS: how long JetStream keeps events (0: for ever); a consumer down longer loses them. */
  streamMaxAgeDays: number;
  /** OUTBOX_RETENTION_DAYS: published outbox rows are deleted after this. */
  outboxRetentionDays: number;
  /** OUTBOX_SWEEP_MS: how often the relay looks for rows their committer did not publish (it crashed, or NATS was down). */
  outboxSweepMs: number;
}

export function readStreamSettings(env: NodeJS.ProcessEnv, problems: string[]): StreamSettings {
  return {
    streamReplicas: wholeNumber(env, 'STREAM_REPLICAS', 1, { min: 1, max: 5, unit: 'replicas' }, problems),
    streamMaxAgeDays: wholeNumber(env, 'STREAM_MAX_AGE_DAYS', DEFAULT_STREAM_MAX_AGE_DAYS, { min: 0, unit: 'days' }, problems),
    outboxRetentionDays: wholeNumber(env, 'OUTBOX_RETENTION_DAYS', 7, { min: 0, unit: 'days' }, problems),
    outboxSweepMs: wholeNumber(env, 'OUTBOX_SWEEP_MS', 5000, { min: 10, max: 600_000, unit: 'milliseconds' }, problems),
  };
}
