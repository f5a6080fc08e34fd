import { Injectable } from '@nestjs/common';
import { Events, type EventEnvelope, type StageOpenedData, type TaskDecidedData } from '#libs/contracts';
import { newId, type Tx } from '#libs/messaging';
import { queryRows } from '#libs/persistence';
import { writeAudit } from '../audit/audit-log.js';
import { isWithdrawn } from '../cancel-withdrawn-tasks/withdrawn-cases.js';
import { STATUS_AFTER } from '../decide-task/decide-task.rules.js';
import { rememberLegalDeadline } from '../task-clock/case-clock.js';

/**
 * Routing opened a stage: every department in it gets its review task, all due when the case is. A unique key per
 * (case, stage, department) makes a redelivered StageOpened harmless.
 */
@Injectable()
export class OpenTasks {
  async run(e: EventEnvelope<StageOpenedData>, tx: Tx): Promise<void> {
    const d = e.data;
    await rememberLegalDeadline(tx.manager, e.caseNo, d.legalDeadline); // the clock (#4): an extension may not pass it
    // Withdrawn before the stage got here (the withdrawal found nothing to cancel): no tasks.
    if (await isWithdrawn(tx.manager, e.caseNo)) return;
    for (const department of new Set(d.departments)) {
      // 即办件: the chief representative decided at the window; the task is created decided, in this transaction.
      const atWindow = d.immediateDecision?.department === department ? d.immediateDecision : undefined;
      const [created] = await queryRows<{ id: string }>(
        tx.manager,
        `INSERT INTO approval.review_tasks (id, case_no, item_code, item_name, department, stage, status, due_at, decision, opinion, decided_by, decided_at, stage_lead, survey_required)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULLIF($10, ''), $11, $12, $13, $14)
         ON CONFLICT (case_no, stage, department) DO NOTHING
         RETURNING id`,
        [
          d.taskIds?.[department] ?? newId(), e.caseNo, d.itemCode, d.itemName, department, d.stage, atWindow ? STATUS_AFTER[atWindow.decision] : 'OPEN', d.dueAt,
          atWindow?.decision ?? null, atWindow?.opinion ?? '', atWindow?.decidedBy ?? null, atWindow?.decidedAt ?? null,
          d.lead ?? null, d.jointSiteSurvey === true,
        ],
      );
      if (!created || !atWindow) continue;
      const decider = { id: atWindow.decidedBy, role: 'CHIEF_REP' as const, department };
      tx.emit<TaskDecidedData>(
        Events.TaskDecided,
        e.caseNo,
        { taskId: created.id, stage: d.stage, department, decision: atWindow.decision, opinion: atWindow.opinion },
        decider,
      );
      await writeAudit(tx.manager, {
        actor: decider,
        action: 'TASK_DECIDED',
        department,
        taskId: created.id,
        caseNo: e.caseNo,
        details: { decision: atWindow.decision, opinion: atWindow.opinion, atWindow: true },
      });
    }
  }
}
