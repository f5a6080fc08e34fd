import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '#libs/contracts';
import { queryOne, queryRows } from '#libs/persistence';

export interface OutboxRow {
  id: string;
  type: string;
  envelope: EventEnvelope;
}

/** `<schema>.outbox`: every SQL statement on a service's outbox, for the unit of work, the relay and housekeeping. */
export class OutboxRepository {
  constructor(readonly schema: string) {}

  /** All of a transaction's events in one statement, in the order they were emitted (seq keeps it). */
  async append(m: EntityManager, events: EventEnvelope[]): Promise<void> {
    const values: unknown[] = [];
    const rows = events.map((e, i) => {
      values.push(e.id, e.type, e.caseNo, JSON.stringify(e));
      return `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4}::jsonb)`;
    });
    await m.query(`INSERT INTO "${this.schema}".outbox (id, type, case_no, envelope) VALUES ${rows.join(', ')}`, values);
  }

  /**
   * The oldest unpublished rows older than `graceMs` (younger ones are being published by the process that committed
   * them). No lock: see OutboxRelay for why a second publish is harmless.
   */
  unpublished(m: EntityManager, limit: number, graceMs: number): Promise<OutboxRow[]> {
    return queryRows<OutboxRow>(
      m,
      `SELECT id, type, envelope FROM "${this.schema}".outbox
        WHERE published_at IS NULL AND created_at < now() - make_interval(secs => $2::float8 / 1000)
        ORDER BY seq LIMIT $1`,
      [limit, graceMs],
    );
  }

  async markPublished(m: EntityManager, ids: string[]): Promise<void> {
    await m.query(`UPDATE "${this.schema}".outbox SET published_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** What the relay has yet to publish: how many rows, and how long the oldest has waited (0 when none), for /metrics. */
  async lag(m: EntityManager): Promise<{ backlog: number; oldestAgeSeconds: number }> {
    const row = await queryOne<{ backlog: number; oldest_age_seconds: number }>(
      m,
      `SELECT count(*)::int AS backlog, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS oldest_age_seconds
         FROM "${this.schema}".outbox WHERE published_at IS NULL`,
    );
    return { backlog: row?.backlog ?? 0, oldestAgeSeconds: row?.oldest_age_seconds ?? 0 };
  }

  async backlog(m: EntityManager): Promise<number | undefined> {
    return (await queryOne<{ n: number }>(m, `SELECT count(*)::int AS n FROM "${this.schema}".outbox WHERE published_at IS NULL`))?.n;
  }

  /** Deletes up to `batch` rows published more than `days` ago; how many it deleted. */
  async deletePublished(m: EntityManager, days: number, batch: number): Promise<number> {
    const rows = await queryRows(
      m,
      `DELETE FROM "${this.schema}".outbox WHERE id IN (
         SELECT id FROM "${this.schema}".outbox WHERE published_at < now() - make_interval(days => $1) LIMIT $2)
       RETURNING 1`,
      [days, batch],
    );
    return rows.length;
  }

  /**
   * Reclaims the space of published and deleted rows. PostgreSQL may run without autovacuum (it does on the machines
   * we measure on), and every published row leaves a dead version behind its mark; housekeeping runs this.
   */
  async vacuum(m: EntityManager): Promise<void> {
    await m.query(`VACUUM (ANALYZE) "${this.schema}".outbox`);
  }
}
