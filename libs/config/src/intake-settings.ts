/** Intake's own knobs; other services keep the defaults. */
export interface IntakeSettings {
  /**
   * INTAKE_TOLERANT_DAYS: working days an applicant has to bring the materials left pending by a tolerant acceptance
   * (容缺受理), counted like every deadline (WorkingCalendar).
   */
  intakeTolerantDays: number;
}

export const INTAKE_DEFAULTS: IntakeSettings = { intakeTolerantDays: 5 };

export function readIntakeSettings(env: NodeJS.ProcessEnv, problems: string[]): IntakeSettings {
  const raw = env.INTAKE_TOLERANT_DAYS ?? String(INTAKE_DEFAULTS.intakeTolerantDays);
  const intakeTolerantDays = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(intakeTolerantDays) || intakeTolerantDays > 60) {
    problems.push(`INTAKE_TOLERANT_DAYS must be a whole number of working days 0-60, got "${raw}"`);
  }
  return { intakeTolerantDays };
}
