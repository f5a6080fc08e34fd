import { Injectable } from '@nestjs/common';
import { Events, type EventEnvelope, type StageOpenedData } from '#libs/contracts';
import { newId, type Tx } from '#libs/messaging';
import { AuditLogRepository } from '../audit/audit-log.repository.js';
import { WithdrawnCaseRepository } from '../cancel-withdrawn-tasks/withdrawn-case.repository.js';
import { STATUS_AFTER } from '../decide-task/decide-task.rules.js';
import { ReviewTaskRepository } from '../review-task/review-task.repository.js';
import { CaseClockRepository } from '../task-clock/case-clock.repository.js';

/**
 * Routing opened a stage: every department in it gets its review task, all due when the case is. A unique key per
 * (case, stage, department) makes a redelivered StageOpened harmless.
 */
@Injectable()
export class OpenTasks {
  constructor(
    private readonly tasks: ReviewTaskRepository,
    private readonly caseClocks: CaseClockRepository,
    private readonly withdrawnCases: WithdrawnCaseRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(tx: Tx, e: EventEnvelope<StageOpenedData>): Promise<void> {
    const d = e.data;
    await this.caseClocks.rememberLegalDeadline(tx.manager, e.caseNo, d.legalDeadline); // the clock (#4): an extension may not pass it
    // Withdrawn before the stage got here (the withdrawal found nothing to cancel): no tasks. The case's task lock
    // makes this and a withdrawal being cancelled take turns.
    await this.tasks.lockCase(tx.manager, e.caseNo);
    if (await this.withdrawnCases.isWithdrawn(tx.manager, e.caseNo)) return;
    const opened: string[] = [];
    for (const department of new Set(d.departments)) {
      // 即办件: the chief representative decided at the window; the task is created decided, in this transaction.
      const atWindow = d.immediateDecision?.department === department ? d.immediateDecision : undefined;
      const created = await this.tasks.add(tx.manager, {
        id: d.taskIds?.[department] ?? newId(),
        caseNo: e.caseNo,
        itemCode: d.itemCode,
        itemName: d.itemName,
        department,
        stage: d.stage,
        status: atWindow ? STATUS_AFTER[atWindow.decision] : 'OPEN',
        dueAt: d.dueAt,
        decision: atWindow?.decision ?? null,
        opinion: atWindow?.opinion ?? '',
        decidedBy: atWindow?.decidedBy ?? null,
        decidedAt: atWindow?.decidedAt ?? null,
        stageLead: d.lead ?? null,
        surveyRequired: d.jointSiteSurvey === true,
      });
      if (created) opened.push(created.id);
      if (!created || !atWindow) continue;
      const decider = { id: atWindow.decidedBy, role: 'CHIEF_REP' as const, department };
      tx.emit(
        Events.TaskDecided,
        e.caseNo,
        { taskId: created.id, stage: d.stage, department, decision: atWindow.decision, opinion: atWindow.opinion },
        decider,
      );
      await this.audit.write(tx.manager, {
        actor: decider,
        action: 'TASK_DECIDED',
        department,
        taskId: created.id,
        caseNo: e.caseNo,
        details: { decision: atWindow.decision, opinion: atWindow.opinion, atWindow: true },
      });
    }
    // Nothing else tells that the case has tasks now (routing's case view keeps a copy of them).
    if (opened.length) tx.emit(Events.TasksChanged, e.caseNo, { reason: 'STAGE_OPENED', taskIds: opened });
  }
}
