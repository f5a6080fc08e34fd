import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, EventEnvelope } from '#libs/contracts';
import { queryRows } from '#libs/persistence';
import { summarize } from './timeline-summary.js';

export interface TimelineRow {
  at: Date;
  type: string;
  actor: Actor;
  data: Record<string, unknown>;
}

/** routing.timeline: one entry per event of a case, whether routing consumed or emitted it. */
@Injectable()
export class TimelineRepository {
  constructor(private readonly ds: DataSource) {}

  /** A redelivery or a replay adds nothing. */
  async record(m: EntityManager, e: EventEnvelope): Promise<void> {
    await m.query(
      `INSERT INTO routing.timeline (case_no, at, type, actor, data, event_id)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6)
       ON CONFLICT (event_id) DO NOTHING`,
      [e.caseNo, e.occurredAt, e.type, JSON.stringify(e.actor), JSON.stringify(summarize(e)), e.id],
    );
  }

  /** Adds what routing made of the event to its entry. */
  async addToEntry(m: EntityManager, eventId: string, data: Record<string, unknown>): Promise<void> {
    await m.query(`UPDATE routing.timeline SET data = data || $2::jsonb WHERE event_id = $1`, [eventId, JSON.stringify(data)]);
  }

  /** In the order things happened; id breaks ties within one second-precise instant in the order recorded. */
  ofCase(caseNo: string): Promise<TimelineRow[]> {
    return queryRows<TimelineRow>(this.ds.manager, `SELECT at, type, actor, data FROM routing.timeline WHERE case_no = $1 ORDER BY at, event_id`, [caseNo]);
  }
}
