import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, EventEnvelope } from '#libs/contracts';
import { AUDIT_LINK_SQL, queryRows } from '#libs/persistence';
import { caseEventContent } from '../audit/case-event-content.js';
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

  /**
   * A redelivery or a replay adds nothing. A new entry is also appended, in the same statement, to the case events'
   * audit chain (routing.audit_log, issue #11): the head's row lock (UPDATE routing.audit_chain) numbers and links it
   * and is held until this transaction commits, so the chain follows commit order.
   */
  async record(m: EntityManager, e: EventEnvelope): Promise<void> {
    const summary = summarize(e);
    const entry = { eventId: e.id.toLowerCase(), at: new Date(e.occurredAt).toISOString(), type: e.type, caseNo: e.caseNo, actor: e.actor, data: summary };
    await m.query(
      `WITH added AS (
         INSERT INTO routing.timeline (case_no, at, type, actor, data, event_id)
         VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6)
         ON CONFLICT (event_id) DO NOTHING RETURNING event_id),
       link AS (
         UPDATE routing.audit_chain SET ${AUDIT_LINK_SQL('$8::text')}
          WHERE chain = 'case-events' AND EXISTS (SELECT 1 FROM added) RETURNING seq, prev_hash, hash)
       INSERT INTO routing.audit_log (id, event_id, at, type, case_no, actor, data, prev_hash, hash)
       SELECT link.seq, $6, $7::timestamptz, $3, $1, $4::jsonb, $5::jsonb, link.prev_hash, link.hash FROM link`,
      [e.caseNo, e.occurredAt, e.type, JSON.stringify(e.actor), JSON.stringify(summary), e.id, entry.at, caseEventContent(entry)],
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
