import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toShanghai } from '#libs/calendar';
import type { Actor, TimelineEntry } from '#libs/contracts';
import { queryRows } from '#libs/persistence';
import { caseNotFound } from '../workflow/case-no-query.js';
import { findWorkflow } from '../workflow/workflow-store.js';

interface TimelineRow {
  at: Date;
  type: string;
  actor: Actor;
  data: Record<string, unknown>;
}

@Injectable()
export class GetTimeline {
  constructor(private readonly ds: DataSource) {}

  /** In the order things happened; id breaks ties within one second-precise instant in the order recorded. */
  async run(caseNo: string): Promise<TimelineEntry[]> {
    if (!(await findWorkflow(this.ds.manager, caseNo))) throw caseNotFound(caseNo);
    const rows = await queryRows<TimelineRow>(
      this.ds.manager,
      `SELECT at, type, actor, data FROM routing.timeline WHERE case_no = $1 ORDER BY at, event_id`,
      [caseNo],
    );
    return rows.map((r) => ({ at: toShanghai(r.at)!, type: r.type, actor: r.actor, data: r.data }));
  }
}
