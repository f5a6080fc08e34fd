import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, ErrorCodes, type TaskView } from '#libs/contracts';
import { queryRows } from '#libs/persistence';
import { TASK_COLUMNS, toTaskView, type ReviewTaskRow } from '../tasks/review-task.js';

/** Every department's task of one case, stage by stage: the opinions a decision letter is written from. */
@Injectable()
export class TasksOfCase {
  constructor(private readonly ds: DataSource) {}

  async run(query: unknown): Promise<TaskView[]> {
    const caseNo = (query as { caseNo?: unknown } | null)?.caseNo;
    if (typeof caseNo !== 'string' || !caseNo.trim()) {
      throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'caseNo', rule: 'required', message: 'caseNo is required.' }]);
    }
    const rows = await queryRows<ReviewTaskRow>(
      this.ds.manager,
      `SELECT ${TASK_COLUMNS} FROM approval.review_tasks WHERE case_no = $1 ORDER BY stage, department`,
      [caseNo.trim()],
    );
    return rows.map(toTaskView);
  }
}
