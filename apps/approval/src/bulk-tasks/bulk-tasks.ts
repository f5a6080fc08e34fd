import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, BulkTasksSchema, checkCommand, type Actor, type BulkTaskReply, type BulkTaskRequest, type BulkTaskResult, type Command } from '#libs/contracts';
import { newId } from '#libs/messaging';
import { AssignTask } from '../assign-task/assign-task.js';
import { AuditLogRepository } from '../audit/audit-log.repository.js';
import { DecideTask } from '../decide-task/decide-task.js';
import { ActingFor } from '../delegations/acting-for.js';
import { ReviewTaskRepository } from '../review-task/review-task.repository.js';

/**
 * One action on many tasks. Each task goes through the very same use case as a single request (its own guarded
 * update, event and audit entry, in its own transaction), so one task failing (decided meanwhile, another
 * department's, survey not recorded…) leaves the others done; the answer lists what happened to each, in order.
 * A summary entry goes to the audit trail of every department touched.
 */
@Injectable()
export class BulkTasks {
  constructor(
    private readonly ds: DataSource,
    private readonly decide: DecideTask,
    private readonly assign: AssignTask,
    private readonly tasks: ReviewTaskRepository,
    private readonly actingFor: ActingFor,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(command: Command<unknown>, correlationId: string): Promise<BulkTaskReply> {
    const request = tidy(checkCommand(BulkTasksSchema, command?.data));
    const actor = command.actor;
    const bulkId = newId();
    const results: BulkTaskResult[] = [];
    for (const taskId of request.taskIds) {
      try {
        const task =
          request.action === 'APPROVE'
            ? await this.decide.execute({ actor, data: { taskId, decision: 'APPROVE', opinion: request.opinion ?? '' } }, correlationId, { bulkId })
            : await this.assign.assign(
                { taskId, assignee: request.assignee ?? null, assigneeDepartment: request.assigneeDepartment ?? null, reason: request.reason ?? '' },
                actor,
                correlationId,
                { bulkId },
              );
        results.push({ taskId, ok: true, status: 200, task });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        results.push({ taskId, ok: false, status: e.status, code: e.code, message: e.message });
      }
    }
    const reply: BulkTaskReply = {
      bulkId,
      action: request.action,
      succeeded: results.filter((r) => r.ok).length,
      failed: results.filter((r) => !r.ok).length,
      results,
    };
    await this.auditSummary(actor, reply);
    return reply;
  }

  /** Under each department touched (a backup may bulk-act for several), for the tasks of that department. */
  private async auditSummary(actor: Actor, reply: BulkTaskReply): Promise<void> {
    const departmentOf = await this.tasks.departmentsOf(reply.results.map((r) => r.taskId));
    const acting = await this.actingFor.departments(this.ds.manager, actor);
    const byDepartment = new Map<string, BulkTaskResult[]>();
    for (const result of reply.results) {
      const department = departmentOf.get(result.taskId);
      // Never write into the trail of a department the caller has no part in (or of a task that does not exist).
      if (!department || !acting.has(department)) continue;
      byDepartment.set(department, [...(byDepartment.get(department) ?? []), result]);
    }
    for (const [department, results] of byDepartment) {
      await this.audit.write(this.ds.manager, {
        actor: acting.get(department)!,
        action: 'BULK_ACTION',
        department,
        details: {
          bulkId: reply.bulkId,
          action: reply.action,
          results: results.map((r) => ({ taskId: r.taskId, ok: r.ok, ...(r.code ? { code: r.code } : {}) })),
        },
      });
    }
  }
}

/** The opinion and the reason trimmed (a bulk assignment's reason may be left out: ''), no assignee department: null. */
function tidy(input: BulkTasksSchema): BulkTaskRequest {
  return {
    action: input.action,
    taskIds: input.taskIds,
    opinion: input.opinion?.trim(),
    assignee: input.assignee,
    assigneeDepartment: input.assigneeDepartment ?? null,
    reason: input.reason?.trim(),
  };
}
