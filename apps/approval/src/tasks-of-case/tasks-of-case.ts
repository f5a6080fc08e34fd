import { Injectable } from '@nestjs/common';
import { AppError, ErrorCodes, type TaskView } from '#libs/contracts';
import { ReviewTaskRepository } from '../review-task/review-task.repository.js';
import { toTaskView } from '../review-task/review-task.js';

/** Every department's task of one case, stage by stage: the opinions a decision letter is written from. */
@Injectable()
export class TasksOfCase {
  constructor(private readonly tasks: ReviewTaskRepository) {}

  async execute(query: unknown): Promise<TaskView[]> {
    const caseNo = (query as { caseNo?: unknown } | null)?.caseNo;
    if (typeof caseNo !== 'string' || !caseNo.trim()) {
      throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'caseNo', rule: 'required', message: 'caseNo is required.' }]);
    }
    return (await this.tasks.ofCase(caseNo.trim())).map(toTaskView);
  }
}
