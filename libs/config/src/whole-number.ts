/**
 * A whole-number setting: unset means the default; anything else that is not a whole number in [min, max] is a
 * problem, named with the variable and the value it had.
 */
export function wholeNumber(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  range: { min: number; max?: number; unit: string },
  problems: string[],
): number {
  const n = Number(env[name] ?? fallback);
  if (!Number.isInteger(n) || n < range.min || (range.max !== undefined && n > range.max)) {
    const bounds = range.max === undefined ? `≥ ${range.min}` : `${range.min}-${range.max}`;
    problems.push(`${name} must be a whole number of ${range.unit} ${bounds}, got "${env[name]}"`);
  }
  return n;
}
