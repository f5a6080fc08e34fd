import { toShanghai } from '#libs/calendar';
import { toSuspensionView } from '../supplement/suspension-view.js';
import type { SuspensionRow } from '../supplement/suspension.repository.js';
import type { WorkflowRow } from '../workflow/workflow.repository.js';
import { plain, type WorkflowPart } from './parts.js';

/** Routing's part of the view, from its own rows: what GetWorkflow answers of them, as the page uses it. */
export function workflowPart(wf: WorkflowRow, suspensions: SuspensionRow[]): WorkflowPart {
  return plain({
    status: wf.status,
    promisedDeadline: toShanghai(wf.promised_deadline)!,
    legalDeadline: toShanghai(wf.legal_deadline)!,
    ...(wf.deadline_estimated ? { deadlineEstimated: true, estimatedYears: wf.estimated_years ?? [] } : {}),
    suspensions: suspensions.map(toSuspensionView),
  });
}
