import type { DataSource } from 'typeorm';

/**
 * Applies pending migrations under an advisory lock, so replicas starting together migrate once.
 * The schema is created first because TypeORM keeps its migrations table inside it.
 */
export async function runMigrations(ds: DataSource, schema: string): Promise<string[]> {
  const qr = ds.createQueryRunner();
  await qr.connect();
  try {
    await qr.query(`SELECT pg_advisory_lock(hashtext($1))`, [`migrate:${schema}`]);
    await qr.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await qr.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`migrate:${schema}`]).catch(() => undefined);
    await qr.release();
  }
}
