/** PostgreSQL's unique_violation, as TypeORM's QueryFailedError carries it (copied up from the driver error). */
export function isUniqueViolation(e: unknown, constraint: string): boolean {
  const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } } | null;
  const code = err?.code ?? err?.driverError?.code;
  const name = err?.constraint ?? err?.driverError?.constraint;
  return code === '23505' && name === constraint;
}
