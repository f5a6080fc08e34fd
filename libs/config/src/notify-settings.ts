import { join } from 'node:path';
import { wholeNumber } from './whole-number.js';

/** Where the delivery service's notify module sends a notification to the applicant. */
export type NotifySinkKind = 'file' | 'log' | 'sms';

/** The delivery service's notification knobs; other services keep the defaults. */
export interface NotifySettings {
  /**
   * NOTIFY_SINK: `file` (one JSON line per notification in NOTIFY_FILE, the default), `log` (one log line each, no
   * file), or `sms` (POST to NOTIFY_SMS_URL with NOTIFY_SMS_KEY).
   */
  notifySink: NotifySinkKind;
  /** NOTIFY_FILE: the file sink's file; default `<DATA_DIR>/notifications.jsonl` (DATA_DIR defaults to `.data`, where `npm start` keeps its files). */
  notifyFile: string;
  /** NOTIFY_SMS_URL: the SMS gateway's endpoint (http or https); required with NOTIFY_SINK=sms. */
  notifySmsUrl?: string;
  /** NOTIFY_SMS_KEY: sent as the `X-Api-Key` header; required with NOTIFY_SINK=sms. */
  notifySmsKey?: string;
  /** NOTIFY_POLL_MS: how often the sender looks for queued notifications; 0 turns the timer off. */
  notifyPollMs: number;
  /** NOTIFY_MAX_ATTEMPTS: tries per notification before it is FAILED. */
  notifyMaxAttempts: number;
  /** NOTIFY_RETRY_MS: wait after the first failed try; doubled after each further one. */
  notifyRetryMs: number;
}

export const NOTIFY_DEFAULTS: NotifySettings = {
  notifySink: 'file',
  notifyFile: join('.data', 'notifications.jsonl'),
  notifyPollMs: 1000,
  notifyMaxAttempts: 5,
  notifyRetryMs: 5000,
};

export function readNotifySettings(env: NodeJS.ProcessEnv, problems: string[]): NotifySettings {
  const sink = (env.NOTIFY_SINK ?? NOTIFY_DEFAULTS.notifySink) as NotifySinkKind;
  if (!['file', 'log', 'sms'].includes(sink)) problems.push(`NOTIFY_SINK must be file, log or sms, got "${env.NOTIFY_SINK}"`);
  const notifyFile = env.NOTIFY_FILE || join(env.DATA_DIR || '.data', 'notifications.jsonl');
  const notifySmsUrl = env.NOTIFY_SMS_URL || undefined;
  const notifySmsKey = env.NOTIFY_SMS_KEY || undefined;
  if (notifySmsUrl !== undefined && !/^https?:\/\/\S+$/.test(notifySmsUrl)) problems.push(`NOTIFY_SMS_URL must be an http(s) URL, got "${notifySmsUrl}"`);
  if (sink === 'sms' && (!notifySmsUrl || !notifySmsKey)) problems.push('NOTIFY_SINK=sms needs NOTIFY_SMS_URL and NOTIFY_SMS_KEY');
  return {
    notifySink: sink,
    notifyFile,
    notifySmsUrl,
    notifySmsKey,
    notifyPollMs: wholeNumber(env, 'NOTIFY_POLL_MS', NOTIFY_DEFAULTS.notifyPollMs, { min: 0, max: 3_600_000, unit: 'milliseconds' }, problems),
    notifyMaxAttempts: wholeNumber(env, 'NOTIFY_MAX_ATTEMPTS', NOTIFY_DEFAULTS.notifyMaxAttempts, { min: 1, max: 100, unit: 'attempts' }, problems),
    notifyRetryMs: wholeNumber(env, 'NOTIFY_RETRY_MS', NOTIFY_DEFAULTS.notifyRetryMs, { min: 0, max: 3_600_000, unit: 'milliseconds' }, problems),
  };
}
