import { Injectable } from '@nestjs/common';
import { AppError, AssignTaskSchema, checkCommand, ErrorCodes, Events, type Actor, type AssignTaskRequest, type Command, type TaskView } from '#libs/contracts';
import { UnitOfWork } from '#libs/messaging';
import { AuditLogRepository } from '../audit/audit-log.repository.js';
import { ActingFor } from '../delegations/acting-for.js';
import { ReviewTaskRepository } from '../review-task/review-task.repository.js';
import { toTaskView } from '../review-task/review-task.js';

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

  async execute(command: Command<unknown>, correlationId: string): Promise<TaskView> {
    const input = checkCommand(AssignTaskSchema, command?.data);
    const request = { taskId: input.taskId, assignee: input.assignee, assigneeDepartment: input.assigneeDepartment ?? null, reason: input.reason.trim() };
    return this.assign(request, command.actor, correlationId);
  }

  /**
   * The assignment itself, for a request already checked: by execute, or by BulkTasks with the bulk schema (a bulk
   * assignment may leave the reason out). `opts.bulkId`: one of a bulk action; the audit entry says which.
   */
  async assign(request: AssignTaskRequest, actor: Actor, correlationId: string, opts: { bulkId?: string } = {}): Promise<TaskView> {
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
