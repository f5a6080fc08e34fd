import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import {
  AppError,
  ErrorCodes,
  type Actor,
  type BulkTaskReply,
  type BulkTaskRequest,
  type BulkTaskResult,
  type Command,
  type Problem,
} from '#libs/contracts';
import { newId } from '#libs/messaging';
import { AssignTask } from '../assign-task/assign-task.js';
import { AuditLogRepository } from '../audit/audit-log.repository.js';
import { DecideTask } from '../decide-task/decide-task.js';
import { ActingFor } from '../delegations/acting-for.js';
import { ReviewTaskRepository } from '../review-task/review-task.repository.js';

export const BULK_MAX_TASKS = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One action on many tasks. Each task goes through the very same use case as a single request (its own guarded
 * update, event and audit entry, in its own transaction), so one task failing (decided meanwhile, another
 * department's, survey not recorded…) leaves the others done; the answer lists what happened to each, in order.
 * A summary entry goes to the audit trail of every department touched.
 */
@Injectable()
export class BulkTasks {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly ds: DataSource,
    private readonly assign: AssignTask,
    private readonly tasks: ReviewTaskRepository,
    private readonly actingFor: ActingFor,
    private readonly audit: AuditLogRepository,
  ) {}

  async run(command: Command<unknown>, correlationId: string): Promise<BulkTaskReply> {
    const request = parseBulkRequest(command?.data);
    const actor = command.actor;
    const bulkId = newId();
    // Resolved lazily: DecideTask belongs to the approval module, which imports this one.
    const decide = this.moduleRef.get(DecideTask, { strict: false });
    const results: BulkTaskResult[] = [];
    for (const taskId of request.taskIds) {
      try {
        const task =
          request.action === 'APPROVE'
            ? await decide.run({ actor, data: { taskId, decision: 'APPROVE', opinion: request.opinion ?? '' } }, correlationId, { bulkId })
            : await this.assign.run(
                { actor, data: { taskId, assignee: request.assignee ?? null, assigneeDepartment: request.assigneeDepartment ?? null, reason: request.reason ?? '' } },
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

export function parseBulkRequest(data: unknown): BulkTaskRequest {
  const d = (data ?? {}) as Partial<Record<keyof BulkTaskRequest, unknown>>;
  const problems: Problem[] = [];
  if (d.action !== 'APPROVE' && d.action !== 'ASSIGN') problems.push({ field: 'action', rule: 'isIn', message: 'action must be APPROVE or ASSIGN.' });
  const ids = Array.isArray(d.taskIds) ? d.taskIds : [];
  if (!Array.isArray(d.taskIds) || !ids.length || ids.length > BULK_MAX_TASKS) {
    problems.push({ field: 'taskIds', rule: 'size', message: `taskIds must list 1 to ${BULK_MAX_TASKS} task ids.` });
  }
  if (ids.some((id) => typeof id !== 'string' || !UUID.test(id))) problems.push({ field: 'taskIds', rule: 'isUuid', message: 'Every task id must be a UUID.' });
  if (new Set(ids).size !== ids.length) problems.push({ field: 'taskIds', rule: 'unique', message: 'A task may be listed once.' });
  if (d.action === 'ASSIGN' && d.assignee === undefined) problems.push({ field: 'assignee', rule: 'required', message: 'ASSIGN needs an assignee (null: the whole department).' });
  if (d.opinion !== undefined && typeof d.opinion !== 'string') problems.push({ field: 'opinion', rule: 'isString', message: 'opinion must be text.' });
  if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
  return {
    action: d.action as BulkTaskRequest['action'],
    taskIds: ids as string[],
    opinion: typeof d.opinion === 'string' ? d.opinion.trim() : undefined,
    assignee: d.assignee as string | null | undefined,
    assigneeDepartment: (d.assigneeDepartment as string | null | undefined) ?? null,
    reason: typeof d.reason === 'string' ? d.reason : undefined,
  };
}
