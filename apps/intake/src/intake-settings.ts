/**
 * Intake-only knobs that ServiceConfig (#libs/config) does not carry; read once at boot, a bad value stops it.
 * INTAKE_TOLERANT_DAYS: working days an applicant has to bring the materials left pending by a tolerant acceptance
 * (容缺受理), counted like every deadline (WorkingCalendar); default 5.
 */
export function readIntakeSettings(env: NodeJS.ProcessEnv = process.env) {
  const raw = env.INTAKE_TOLERANT_DAYS ?? '5';
  const tolerantDays = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(tolerantDays) || tolerantDays > 60) {
    throw new Error(`[intake] bad configuration: INTAKE_TOLERANT_DAYS must be a whole number of working days 0-60, got "${raw}"`);
  }
  return { tolerantDays };
}

export const intakeSettings = readIntakeSettings();
