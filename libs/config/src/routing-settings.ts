/** Routing's own knobs; other services keep the defaults. */
export interface RoutingSettings {
  /** WARNING_SWEEP_MS: how often each routing process sweeps; 0 turns the timer off (the RPC still sweeps). */
  warningSweepMs: number;
}

export const ROUTING_DEFAULTS: RoutingSettings = { warningSweepMs: 30_000 };

export function readRoutingSettings(env: NodeJS.ProcessEnv, problems: string[]): RoutingSettings {
  const raw = env.WARNING_SWEEP_MS;
  if (raw === undefined || raw === '') return ROUTING_DEFAULTS;
  const warningSweepMs = Number(raw);
  if (!Number.isInteger(warningSweepMs) || warningSweepMs < 0) {
    problems.push(`WARNING_SWEEP_MS must be a whole number of milliseconds, got "${raw}"`);
  }
  return { warningSweepMs };
}
