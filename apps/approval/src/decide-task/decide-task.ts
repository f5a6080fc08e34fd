import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, ErrorCodes, Events, type Command, type TaskView } from '#libs/contracts';
import { UnitOfWork } from '#libs/messaging';
import { queryOne } from '#libs/persistence';
import { TASK_COLUMNS, toTaskView, type ReviewTaskRow } from '../tasks/review-task.js';
import { writeAudit } from '../audit/audit-log.js';
import { actingFor } from '../delegations/acting-for.js';
import { SurveyGateCheck } from '../site-surveys/survey-gate-check.js';
import { parseDecideRequest, STATUS_AFTER } from './decide-task.rules.js';

/** A chief representative (or the backup acting for one) decides a review task of their own department. */
@Injectable()
export class DecideTask {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly surveyGate: SurveyGateCheck,
  ) {}

  /** `opts.bulkId`: the decision is one of a bulk action (POST /tasks/bulk); the audit entry says which. */
  async run(command: Command<unknown>, correlationId: string, opts: { bulkId?: string } = {}): Promise<TaskView> {
    const request = parseDecideRequest(command?.data);
    const actor = command.actor;
    return this.uow.run({ actor, correlationId }, async (tx) => {
      const task = await findTask(tx.manager, request.taskId);
      if (!task) throw AppError.notFound(ErrorCodes.TASK_NOT_FOUND, `No review task ${request.taskId}.`);
      // The department's chief representative, or a backup (AB岗) with an active delegation acting on their behalf.
      const acting = await actingFor(tx.manager, actor, task.department);
      if (!acting) {
        throw AppError.forbidden(ErrorCodes.TASK_NOT_YOURS, `Task ${task.id} belongs to ${task.department}; only its chief representative (or an active backup) may decide it.`);
      }
      if (task.status === 'OPEN') await this.surveyGate.assertMayDecide(tx.manager, task, request.decision);
      // The status guard is the concurrency control: of two representatives deciding at once, one updates the row.
      const decided = await queryOne<ReviewTaskRow>(
        tx.manager,
        `UPDATE approval.review_tasks
            SET status = $2, decision = $3, opinion = NULLIF($4, ''), decided_by = $5, decided_at = now(), version = version + 1,
                decided_on_behalf_of = $6
          WHERE id = $1 AND status = 'OPEN'
          RETURNING ${TASK_COLUMNS}`,
        [task.id, STATUS_AFTER[request.decision], request.decision, request.opinion, actor.id, acting.onBehalfOf ?? null],
      );
      if (!decided) throw await alreadyDecided(tx.manager, task.id);
      tx.emit(Events.TaskDecided, decided.case_no, {
        taskId: decided.id,
        stage: decided.stage,
        department: decided.department,
        decision: request.decision,
        opinion: request.opinion,
        ...(request.requested ? { requested: request.requested } : {}),
      }, acting);
      await writeAudit(tx.manager, {
        actor: acting,
        action: 'TASK_DECIDED',
        department: decided.department,
        taskId: decided.id,
        caseNo: decided.case_no,
        details: { decision: request.decision, opinion: request.opinion, ...(opts.bulkId ? { bulkId: opts.bulkId } : {}) },
      });
      return toTaskView(decided);
    });
  }
}

async function findTask(m: EntityManager, id: string): Promise<ReviewTaskRow | undefined> {
  return queryOne<ReviewTaskRow>(m, `SELECT ${TASK_COLUMNS} FROM approval.review_tasks WHERE id = $1`, [id]);
}

/** Says what the task became, read after the lost race so it is what actually won. */
async function alreadyDecided(m: EntityManager, id: string): Promise<AppError> {
  const now = (await findTask(m, id))!;
  const message =
    now.status === 'CANCELLED'
      ? `Task ${id} was cancelled: ${now.cancel_reason ?? ''}`.trim()
      : now.status === 'PAUSED'
        ? `Task ${id} is paused while the case waits for the applicant's supplement (补正); it reopens when the materials are in.`
        : `Task ${id} has already been decided (${now.status}).`;
  return AppError.conflict(ErrorCodes.TASK_ALREADY_DECIDED, message, { task: toTaskView(now) });
}
