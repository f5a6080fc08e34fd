import type { EntityManager } from 'typeorm';

/** TypeORM answers UPDATE/DELETE with [rows, count] and everything else with rows; this hides the difference. */
export async function queryRows<T = Record<string, unknown>>(m: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const r = await m.query(sql, params);
  if (Array.isArray(r) && r.length === 2 && Array.isArray(r[0]) && typeof r[1] === 'number') return r[0] as T[];
  return r as T[];
}

export async function queryOne<T = Record<string, unknown>>(m: EntityManager, sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await queryRows<T>(m, sql, params))[0];
}

/** The database answers at all (a health check's probe). */
export async function pingDatabase(ds: { query(sql: string): Promise<unknown> }): Promise<void> {
  await ds.query('SELECT 1');
}
