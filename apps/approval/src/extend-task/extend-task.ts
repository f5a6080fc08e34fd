import { Injectable } from '@nestjs/common';
import { toShanghai, WorkingCalendar } from '#libs/calendar';
import { AppError, checkCommand, ErrorCodes, Events, ExtendTaskSchema, type Command, type TaskExtensionView, type TaskView } from '#libs/contracts';
import { UnitOfWork } from '#libs/messaging';
import { AuditLogRepository } from '../audit/audit-log.repository.js';
import { ActingFor } from '../delegations/acting-for.js';
import { ReviewTaskRepository } from '../review-task/review-task.repository.js';
import { toTaskView } from '../review-task/review-task.js';
import { CaseClockRepository } from '../task-clock/case-clock.repository.js';
import { extensionVerdict } from './extension-rules.js';

/**
 * 延期: the department's chief representative (or its active backup) extends its task by N working days, once,
 * within the case's legal deadline. The new due time and the TaskExtended event commit together; routing moves
 * the task's clock and puts the extension on the case's timeline.
 */
@Injectable()
export class ExtendTask {
  private readonly calendar = WorkingCalendar.official();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly tasks: ReviewTaskRepository,
    private readonly caseClocks: CaseClockRepository,
    private readonly actingFor: ActingFor,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(command: Command<unknown>, correlationId: string): Promise<TaskView> {
    const input = checkCommand(ExtendTaskSchema, command?.data);
    const request = { taskId: input.taskId, workingDays: input.workingDays, reason: input.reason.trim() };
    const actor = command.actor;
    return this.uow.run({ actor, correlationId }, async (tx) => {
      const task = await this.tasks.lock(tx.manager, request.taskId);
      if (!task) throw AppError.notFound(ErrorCodes.TASK_NOT_FOUND, `No review task ${request.taskId}.`);
      const acting = await this.actingFor.department(tx.manager, actor, task.department);
      if (!acting) {
        throw AppError.forbidden(ErrorCodes.TASK_NOT_YOURS, `Task ${task.id} belongs to ${task.department}; only its chief representative (or an active backup) may extend it.`);
      }
      const now = new Date();
      const newDueAt = this.calendar.extend(task.due_at, request.workingDays).at;
      const legalDeadline = await this.caseClocks.legalDeadlineOf(tx.manager, task.case_no);
      const verdict = extensionVerdict({ status: task.status, extended: !!task.extension, dueAt: task.due_at, newDueAt, legalDeadline, now });
      if (!verdict.ok) {
        throw new AppError(verdict.code, verdict.message, verdict.status, {
          taskId: task.id,
          dueAt: toShanghai(task.due_at),
          requestedDueAt: toShanghai(newDueAt),
          ...(legalDeadline ? { legalDeadline: toShanghai(legalDeadline) } : {}),
        });
      }
      const extension: TaskExtensionView = {
        workingDays: request.workingDays,
        reason: request.reason,
        extendedBy: actor.id,
        extendedAt: toShanghai(now)!,
        previousDueAt: toShanghai(task.due_at)!,
      };
      const extended = await this.tasks.extend(tx.manager, task.id, newDueAt, extension);
      if (!extended) throw AppError.conflict(ErrorCodes.CONCURRENT_UPDATE, `Task ${task.id} changed meanwhile; read it again.`);
      tx.emit(
        Events.TaskExtended,
        task.case_no,
        {
          taskId: task.id,
          stage: task.stage,
          department: task.department,
          workingDays: request.workingDays,
          reason: request.reason,
          previousDueAt: task.due_at.toISOString(),
          dueAt: newDueAt.toISOString(),
        },
        acting,
      );
      await this.audit.write(tx.manager, {
        actor: acting,
        action: 'TASK_EXTENDED',
        department: task.department,
        taskId: task.id,
        caseNo: task.case_no,
        details: { workingDays: request.workingDays, reason: request.reason, previousDueAt: extension.previousDueAt, dueAt: toShanghai(newDueAt) },
      });
      return toTaskView(extended);
    });
  }
}
