/** The fees service's own knobs; other services keep the defaults. */
export interface FeesSettings {
  /**
   * NOTICE_VALIDITY_DAYS: calendar days a payment notice stays payable after the day it is issued (a center may set
   * its own in fees.center_settings). Payable through the end of that Asia/Shanghai day.
   */
  noticeValidityDays: number;
  /** REFUND_OVERDUE_DAYS: a refund owed longer than this many days is an exception in the daily reconciliation. */
  refundOverdueDays: number;
}

export const FEES_DEFAULTS: FeesSettings = { noticeValidityDays: 15, refundOverdueDays: 5 };

export function readFeesSettings(env: NodeJS.ProcessEnv, problems: string[]): FeesSettings {
  return {
    noticeValidityDays: wholeDays(env, 'NOTICE_VALIDITY_DAYS', FEES_DEFAULTS.noticeValidityDays, 1, 365, problems),
    refundOverdueDays: wholeDays(env, 'REFUND_OVERDUE_DAYS', FEES_DEFAULTS.refundOverdueDays, 0, 365, problems),
  };
}

function wholeDays(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name] ?? String(fallback);
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n < min || n > max) problems.push(`${name} must be a whole number of days ${min}-${max}, got "${raw}"`);
  return n;
}
