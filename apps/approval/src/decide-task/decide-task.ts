import { Injectable } from '@nestjs/common';
import { AppError, ErrorCodes, Events, type Command, type TaskView } from '#libs/contracts';
import { UnitOfWork } from '#libs/messaging';
import { AuditLogRepository } from '../audit/audit-log.repository.js';
import { ActingFor } from '../delegations/acting-for.js';
import { ReviewTaskRepository } from '../review-task/review-task.repository.js';
import { toTaskView, type ReviewTaskRow } from '../review-task/review-task.js';
import { SurveyGateCheck } from '../site-surveys/survey-gate-check.js';
import { parseDecideRequest, STATUS_AFTER } from './decide-task.rules.js';

/** A chief representative (or the backup acting for one) decides a review task of their own department. */
@Injectable()
export class DecideTask {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly surveyGate: SurveyGateCheck,
    private readonly tasks: ReviewTaskRepository,
    private readonly actingFor: ActingFor,
    private readonly audit: AuditLogRepository,
  ) {}

  /** `opts.bulkId`: the decision is one of a bulk action (POST /tasks/bulk); the audit entry says which. */
  async execute(command: Command<unknown>, correlationId: string, opts: { bulkId?: string } = {}): Promise<TaskView> {
    const request = parseDecideRequest(command?.data);
    const actor = command.actor;
    return this.uow.run({ actor, correlationId }, async (tx) => {
      const task = await this.tasks.find(tx.manager, request.taskId);
      if (!task) throw AppError.notFound(ErrorCodes.TASK_NOT_FOUND, `No review task ${request.taskId}.`);
      // The department's chief representative, or a backup (AB岗) with an active delegation acting on their behalf.
      const acting = await this.actingFor.department(tx.manager, actor, task.department);
      if (!acting) {
        throw AppError.forbidden(ErrorCodes.TASK_NOT_YOURS, `Task ${task.id} belongs to ${task.department}; only its chief representative (or an active backup) may decide it.`);
      }
      if (task.status === 'OPEN') await this.surveyGate.assertMayDecide(tx.manager, task, request.decision);
      // The status guard is the concurrency control: of two representatives deciding at once, one updates the row.
      const decided = await this.tasks.decide(tx.manager, task.id, {
        status: STATUS_AFTER[request.decision],
        decision: request.decision,
        opinion: request.opinion,
        decidedBy: actor.id,
        onBehalfOf: acting.onBehalfOf ?? null,
      });
      // Read again after the lost race, so the answer says what actually won.
      if (!decided) throw alreadyDecided((await this.tasks.find(tx.manager, task.id))!);
      tx.emit(Events.TaskDecided, decided.case_no, {
        taskId: decided.id,
        stage: decided.stage,
        department: decided.department,
        decision: request.decision,
        opinion: request.opinion,
        ...(request.requested ? { requested: request.requested } : {}),
      }, acting);
      await this.audit.write(tx.manager, {
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

/** Says what the task became instead. */
function alreadyDecided(now: ReviewTaskRow): AppError {
  const id = now.id;
  const message =
    now.status === 'CANCELLED'
      ? `Task ${id} was cancelled: ${now.cancel_reason ?? ''}`.trim()
      : now.status === 'PAUSED'
        ? `Task ${id} is paused while the case waits for the applicant's supplement (补正); it reopens when the materials are in.`
        : `Task ${id} has already been decided (${now.status}).`;
  return AppError.conflict(ErrorCodes.TASK_ALREADY_DECIDED, message, { task: toTaskView(now) });
}
