/** The delivery service's courier knobs; other services keep the defaults. */
export interface CourierSettings {
  /**
   * DELIVERY_MAX_ATTEMPTS: courier attempts a delivery gets in all (1-10, default 2). A FAILED attempt before the
   * last sends the delivery back to READY for a new dispatch; the last one returns it to the accepting center for
   * window pickup (RETURNED_TO_WINDOW).
   */
  deliveryMaxAttempts: number;
}

export const COURIER_DEFAULTS: CourierSettings = { deliveryMaxAttempts: 2 };

export function readCourierSettings(env: NodeJS.ProcessEnv, problems: string[]): CourierSettings {
  const raw = env.DELIVERY_MAX_ATTEMPTS ?? String(COURIER_DEFAULTS.deliveryMaxAttempts);
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n < 1 || n > 10) problems.push(`DELIVERY_MAX_ATTEMPTS must be a whole number of attempts 1-10, got "${raw}"`);
  return { deliveryMaxAttempts: n };
}
