import type { EntityManager } from 'typeorm';
import { queryRows } from '#libs/persistence';

/** `<schema>.inbox`: which consumer handled which event, so a redelivered event has no second effect. */
export class InboxRepository {
  constructor(readonly schema: string) {}

  /** Records that `consumer` handled `eventId`; false when it already had, so the caller skips the effect. */
  async claim(m: EntityManager, consumer: string, eventId: string): Promise<boolean> {
    const rows = await queryRows(m, `INSERT INTO "${this.schema}".inbox (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`, [
      consumer,
      eventId,
    ]);
    return rows.length === 1;
  }

  /** Deletes up to `batch` rows processed more than `days` ago; how many it deleted. */
  async deleteProcessed(m: EntityManager, days: number, batch: number): Promise<number> {
    const rows = await queryRows(
      m,
      `DELETE FROM "${this.schema}".inbox WHERE (consumer, event_id) IN (
         SELECT consumer, event_id FROM "${this.schema}".inbox WHERE processed_at < now() - make_interval(days => $1) LIMIT $2)
       RETURNING 1`,
      [days, batch],
    );
    return rows.length;
  }

  /** See OutboxRepository.vacuum. */
  async vacuum(m: EntityManager): Promise<void> {
    await m.query(`VACUUM (ANALYZE) "${this.schema}".inbox`);
  }
}
