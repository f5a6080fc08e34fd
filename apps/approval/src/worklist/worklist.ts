import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WorkingCalendar } from '#libs/calendar';
import type { ServiceConfig } from '#libs/config';
import { AppError, checkCommand, ErrorCodes, WorklistQuerySchema, type Actor, type TaskStatus, type WorklistPage } from '#libs/contracts';
import { ActingFor } from '../delegations/acting-for.js';
import { ReviewTaskRepository } from '../review-task/review-task.repository.js';
import { toTaskView } from '../review-task/review-task.js';
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

  async execute(request: unknown): Promise<WorklistPage> {
    const f = filtersOf(request);
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

/**
 * The shared schema (WorklistQuerySchema: the gateway's query and who asks), then what only approval can tell: whether
 * the cursor is one of its pages (422 `isCursor`); the page size defaults.
 */
function filtersOf(request: unknown): Filters {
  const q = checkCommand(WorklistQuerySchema, request);
  // A filter sent as null is the same as one left out.
  const after = q.cursor == null ? undefined : (decodeCursor(q.cursor) ?? undefined);
  if (q.cursor != null && !after) {
    throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'cursor', rule: 'isCursor', message: 'cursor must be a nextCursor from an earlier page.' }]);
  }
  return {
    actor: q.actor,
    status: q.status ?? undefined,
    itemCode: q.itemCode ?? undefined,
    dueBefore: q.dueBefore == null ? undefined : new Date(q.dueBefore),
    overdue: q.overdue ?? undefined,
    department: q.department ?? undefined,
    assignee: q.assignee ?? undefined,
    after,
    limit: pageSize(q.limit)!,
  };
}
