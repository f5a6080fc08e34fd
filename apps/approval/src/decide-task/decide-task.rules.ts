import { checkCommand, DecideTaskSchema, type DecideTaskRequest, type Decision, type TaskStatus } from '#libs/contracts';
import { tidyRequested } from './supplement-request.js';

export const STATUS_AFTER: Record<Decision, TaskStatus> = {
  APPROVE: 'APPROVED',
  REJECT: 'REJECTED',
  REQUEST_SUPPLEMENT: 'SUPPLEMENT_REQUESTED',
};

/**
 * Checks a decision before anything is read, with the schema the gateway checked the body with (DecideTaskSchema:
 * every problem at once; 422 for a caller that skipped the gateway), and hands it on tidied: the opinion trimmed (''
 * for none), the requested materials trimmed. A rejection or a supplement request must say why, a rule of the schema:
 * the applicant is owed the reasons (and the list of what to supply) in writing.
 */
export function parseDecideRequest(data: unknown): DecideTaskRequest {
  const input = checkCommand(DecideTaskSchema, data);
  const requested = input.decision === 'REQUEST_SUPPLEMENT' ? tidyRequested(input.requested ?? []) : undefined;
  return { taskId: input.taskId, decision: input.decision, opinion: input.opinion?.trim() ?? '', ...(requested ? { requested } : {}) };
}
