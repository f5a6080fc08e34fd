import { AppError, ErrorCodes, type DecideTaskRequest, type Problem } from '#libs/contracts';
import type { TaskStatus } from '../tasks/review-task.js';
import { parseRequested } from './supplement-request.js';

export type Decision = DecideTaskRequest['decision'];
export const DECISIONS: readonly Decision[] = ['APPROVE', 'REJECT', 'REQUEST_SUPPLEMENT'];
export const OPINION_MAX_LENGTH = 2000;

export const STATUS_AFTER: Record<Decision, TaskStatus> = {
  APPROVE: 'APPROVED',
  REJECT: 'REJECTED',
  REQUEST_SUPPLEMENT: 'SUPPLEMENT_REQUESTED',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks a decision before anything is read, listing every problem at once. A rejection or a supplement request
 * must say why: the applicant is owed the reasons (and the list of what to supply) in writing.
 */
export function parseDecideRequest(data: unknown): DecideTaskRequest {
  const input = (data ?? {}) as Partial<Record<keyof DecideTaskRequest, unknown>>;
  const problems: Problem[] = [];
  if (typeof input.taskId !== 'string' || !UUID.test(input.taskId)) {
    problems.push({ field: 'taskId', rule: 'isUuid', message: 'taskId must be the id of a review task.' });
  }
  const decision = input.decision as Decision;
  if (!DECISIONS.includes(decision)) {
    problems.push({ field: 'decision', rule: 'isIn', message: `decision must be one of ${DECISIONS.join(', ')}.` });
  }
  if (input.opinion !== undefined && input.opinion !== null && typeof input.opinion !== 'string') {
    problems.push({ field: 'opinion', rule: 'isString', message: 'opinion must be text.' });
  }
  const opinion = typeof input.opinion === 'string' ? input.opinion.trim() : '';
  if ((decision === 'REJECT' || decision === 'REQUEST_SUPPLEMENT') && !opinion) {
    problems.push({ field: 'opinion', rule: 'required', message: `An opinion is required to ${decision === 'REJECT' ? 'reject' : 'request a supplement'}.` });
  }
  if (opinion.length > OPINION_MAX_LENGTH) {
    problems.push({ field: 'opinion', rule: 'maxLength', message: `opinion must be at most ${OPINION_MAX_LENGTH} characters.` });
  }
  const requested = parseRequested(decision, input.requested, problems);
  if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
  return { taskId: input.taskId as string, decision, opinion, ...(requested ? { requested } : {}) };
}
