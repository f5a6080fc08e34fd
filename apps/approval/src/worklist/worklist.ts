import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WorkingCalendar } from '#libs/calendar';
import type { ServiceConfig } from '#libs/config';
import { AppError, ErrorCodes, type Actor, type Problem, type WorklistPage, type WorklistRequest } from '#libs/contracts';
import { ActingFor } from '../delegations/acting-for.js';
import { ReviewTaskRepository } from '../review-task/review-task.repository.js';
import { TASK_STATUSES, toTaskView, type TaskStatus } from '../review-task/review-task.js';
import { decodeCursor, pageSize, paginate, type CursorKey } from '#libs/persistence';
import { SERVICE_CONFIG } from '#libs/platform';
import { taskWarningLevel } from './warning-level.js';

interface Filters {
  actor: Actor;
  status?: TaskStatus;
  itemCode?: string;
  dueBefore?: Date;
  overdue?: boolean;
  department?: string;
  assignee?: string;
  after?: CursorKey;
  limit: number;
}

/**
 * A chief representative's worklist: the tasks of their department and of every department they are an active
 * backup (AB岗) for, filtered, soonest due first (id breaking ties), a page at a time. Each task carries its
 * warning level, computed now (see warning-level.ts).
 */
@Injectable()
export class Worklist {
  private readonly calendar = WorkingCalendar.official();

  constructor(
    private readonly ds: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly tasks: ReviewTaskRepository,
    private readonly actingFor: ActingFor,
  ) {}

  async run(request: unknown): Promise<WorklistPage> {
    const f = parse(request);
    const now = new Date();
    const acting = await this.actingFor.departments(this.ds.manager, f.actor, now);
    const departments = [...acting.keys()];
    if (f.department && !acting.has(f.department)) {
      throw AppError.forbidden(ErrorCodes.DEPARTMENT_NOT_YOURS, `You neither represent ${f.department} nor stand in for it now.`);
    }
    const scope = f.department ? [f.department] : departments;
    if (!scope.length) return { items: [], nextCursor: null, departments };

    const rows = await this.tasks.worklist(
      {
        departments: scope,
        status: f.status,
        itemCode: f.itemCode,
        dueBefore: f.dueBefore,
        overdue: f.overdue,
        now,
        assignee: f.assignee,
        after: f.after,
      },
      f.limit,
    );
    const { page, nextCursor } = paginate(rows, f.limit, (r) => ({ at: r.due_key, id: r.id }));
    return {
      items: page.map((r) => ({ ...toTaskView(r), warningLevel: taskWarningLevel(this.calendar, { status: r.status, createdAt: r.created_at, dueAt: r.due_at, pausedMs: Number(r.paused_ms ?? 0) }, now, this.config.warningThreshold) })),
      nextCursor,
      departments,
    };
  }
}

const CODE = /^[A-Za-z0-9._-]{1,64}$/;

function parse(request: unknown): Filters {
  const q = (request ?? {}) as Partial<Record<keyof WorklistRequest, unknown>>;
  const problems: Problem[] = [];
  const actor = q.actor as Actor | undefined;
  if (!actor || typeof actor.id !== 'string') problems.push({ field: 'actor', rule: 'required', message: 'Who is asking is required.' });
  if (q.status !== undefined && q.status !== null && !TASK_STATUSES.includes(q.status as TaskStatus)) {
    problems.push({ field: 'status', rule: 'isIn', message: `status must be one of ${TASK_STATUSES.join(', ')}.` });
  }
  for (const field of ['itemCode', 'department', 'assignee'] as const) {
    const v = q[field];
    if (v !== undefined && v !== null && (typeof v !== 'string' || !CODE.test(v))) problems.push({ field, rule: 'isCode', message: `${field} must be 1 to 64 letters, digits, ".", "-" or "_".` });
  }
  let dueBefore: Date | undefined;
  if (q.dueBefore !== undefined && q.dueBefore !== null) {
    dueBefore = typeof q.dueBefore === 'string' ? new Date(q.dueBefore) : undefined;
    if (!dueBefore || Number.isNaN(dueBefore.getTime())) problems.push({ field: 'dueBefore', rule: 'isDateTime', message: 'dueBefore must be a date-time (ISO 8601).' });
  }
  if (q.overdue !== undefined && q.overdue !== null && typeof q.overdue !== 'boolean') {
    problems.push({ field: 'overdue', rule: 'isBoolean', message: 'overdue must be true or false.' });
  }
  let after: CursorKey | undefined;
  if (q.cursor !== undefined && q.cursor !== null) {
    after = decodeCursor(q.cursor as string) ?? undefined;
    if (!after) problems.push({ field: 'cursor', rule: 'isCursor', message: 'cursor must be a nextCursor from an earlier page.' });
  }
  const limit = pageSize(q.limit);
  if (limit === null) problems.push({ field: 'limit', rule: 'range', message: 'limit must be a whole number from 1 to 200.' });
  if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
  return {
    actor: actor!,
    status: (q.status ?? undefined) as TaskStatus | undefined,
    itemCode: (q.itemCode ?? undefined) as string | undefined,
    dueBefore,
    overdue: (q.overdue ?? undefined) as boolean | undefined,
    department: (q.department ?? undefined) as string | undefined,
    assignee: (q.assignee ?? undefined) as string | undefined,
    after,
    limit: limit!,
  };
}
