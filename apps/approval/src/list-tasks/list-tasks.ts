import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, ErrorCodes, type Problem, type TaskView } from '#libs/contracts';
import { queryRows } from '#libs/persistence';
import { TASK_COLUMNS, TASK_STATUSES, toTaskView, type ReviewTaskRow, type TaskStatus } from '../tasks/review-task.js';

export interface ListTasksQuery {
  department: string;
  status?: TaskStatus;
}

/** A department's queue, soonest due first: what its chief representative works through. */
@Injectable()
export class ListTasks {
  constructor(private readonly ds: DataSource) {}

  async run(query: unknown): Promise<TaskView[]> {
    const { department, status } = parse(query);
    const rows = await queryRows<ReviewTaskRow>(
      this.ds.manager,
      `SELECT ${TASK_COLUMNS} FROM approval.review_tasks
        WHERE department = $1 AND ($2::text IS NULL OR status = $2)
        ORDER BY due_at, created_at, id`,
      [department, status ?? null],
    );
    return rows.map(toTaskView);
  }
}

function parse(query: unknown): ListTasksQuery {
  const q = (query ?? {}) as { department?: unknown; status?: unknown };
  const problems: Problem[] = [];
  if (typeof q.department !== 'string' || !q.department.trim()) {
    problems.push({ field: 'department', rule: 'required', message: 'department is required.' });
  }
  if (q.status !== undefined && q.status !== null && !TASK_STATUSES.includes(q.status as TaskStatus)) {
    problems.push({ field: 'status', rule: 'isIn', message: `status must be one of ${TASK_STATUSES.join(', ')}.` });
  }
  if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
  return { department: (q.department as string).trim(), status: (q.status ?? undefined) as TaskStatus | undefined };
}
