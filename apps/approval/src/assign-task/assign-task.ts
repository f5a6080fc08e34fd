import { Injectable } from '@nestjs/common';
import { AppError, ErrorCodes, Events, type AssignTaskRequest, type Command, type Problem, type TaskView } from '#libs/contracts';
import { UnitOfWork } from '#libs/messaging';
import { AuditLogRepository } from '../audit/audit-log.repository.js';
import { ActingFor } from '../delegations/acting-for.js';
import { ReviewTaskRepository } from '../review-task/review-task.repository.js';
import { toTaskView } from '../review-task/review-task.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USERNAME = /^[A-Za-z0-9._-]{1,64}$/;
export const ASSIGN_REASON_MAX_LENGTH = 500;

/**
 * Gives an open task to one user of its department (or back to the whole department with assignee null). Who may:
 * the department's chief representative or its active backup. Assignment routes the worklist; it does not narrow
 * who may decide. Guarded like a decision: only an OPEN task moves, so a task decided meanwhile answers 409.
 */
@Injectable()
export class AssignTask {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tasks: ReviewTaskRepository,
    private readonly actingFor: ActingFor,
    private readonly audit: AuditLogRepository,
  ) {}

  async run(command: Command<unknown>, correlationId: string, opts: { bulkId?: string } = {}): Promise<TaskView> {
    const request = parseAssignRequest(command?.data);
    const actor = command.actor;
    return this.uow.run({ actor, correlationId }, async (tx) => {
      const task = await this.tasks.lock(tx.manager, request.taskId);
      if (!task) throw AppError.notFound(ErrorCodes.TASK_NOT_FOUND, `No review task ${request.taskId}.`);
      const acting = await this.actingFor.department(tx.manager, actor, task.department);
      if (!acting) throw AppError.forbidden(ErrorCodes.TASK_NOT_YOURS, `Task ${task.id} belongs to ${task.department}; only its chief representative (or an active backup) may assign it.`);
      if (request.assignee !== null && request.assigneeDepartment !== task.department) {
        throw AppError.invalid(ErrorCodes.ASSIGNEE_NOT_IN_DEPARTMENT, [
          { field: 'assignee', rule: 'inDepartment', message: `${request.assignee} is not a user of ${task.department}.` },
        ]);
      }
      if (task.status !== 'OPEN') {
        throw AppError.conflict(ErrorCodes.TASK_ALREADY_DECIDED, `Task ${task.id} is ${task.status}; only an open task can be assigned.`, { task: toTaskView(task) });
      }
      const assigned = (await this.tasks.assign(tx.manager, task.id, request.assignee))!;
      const data = { taskId: task.id, stage: task.stage, department: task.department, assignee: request.assignee, previousAssignee: task.assignee, reason: request.reason };
      tx.emit(Events.TaskAssigned, task.case_no, data, acting);
      await this.audit.write(tx.manager, {
        actor: acting,
        action: 'TASK_ASSIGNED',
        department: task.department,
        taskId: task.id,
        caseNo: task.case_no,
        details: { assignee: request.assignee, previousAssignee: task.assignee, reason: request.reason, ...(opts.bulkId ? { bulkId: opts.bulkId } : {}) },
      });
      return toTaskView(assigned);
    });
  }
}

export function parseAssignRequest(data: unknown): AssignTaskRequest {
  const d = (data ?? {}) as Partial<Record<keyof AssignTaskRequest, unknown>>;
  const problems: Problem[] = [];
  if (typeof d.taskId !== 'string' || !UUID.test(d.taskId)) problems.push({ field: 'taskId', rule: 'isUuid', message: 'taskId must be the id of a review task.' });
  if (d.assignee !== null && (typeof d.assignee !== 'string' || !USERNAME.test(d.assignee))) {
    problems.push({ field: 'assignee', rule: 'isUsername', message: 'assignee must be a username, or null for the whole department.' });
  }
  if (d.reason !== undefined && d.reason !== null && typeof d.reason !== 'string') problems.push({ field: 'reason', rule: 'isString', message: 'reason must be text.' });
  const reason = typeof d.reason === 'string' ? d.reason.trim() : '';
  if (reason.length > ASSIGN_REASON_MAX_LENGTH) problems.push({ field: 'reason', rule: 'maxLength', message: `reason must be at most ${ASSIGN_REASON_MAX_LENGTH} characters.` });
  if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
  return {
    taskId: d.taskId as string,
    assignee: (d.assignee as string | null) ?? null,
    assigneeDepartment: typeof d.assigneeDepartment === 'string' ? d.assigneeDepartment : null,
    reason,
  };
}
