import { Injectable } from '@nestjs/common';
import type { EventEnvelope, StageOpenedData } from '#libs/contracts';
import { newId, type Tx } from '#libs/messaging';

/** Routing opened a stage: every department in it gets its review task, all due when the case is. */
@Injectable()
export class OpenTasks {
  async run(e: EventEnvelope<StageOpenedData>, tx: Tx): Promise<void> {
    const d = e.data;
    for (const department of new Set(d.departments)) {
      await tx.manager.query(
        `INSERT INTO approval.review_tasks (id, case_no, item_code, item_name, department, stage, status, due_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'OPEN', $7)
         ON CONFLICT (case_no, stage, department) DO NOTHING`,
        [newId(), e.caseNo, d.itemCode, d.itemName, department, d.stage, d.dueAt],
      );
    }
  }
}
