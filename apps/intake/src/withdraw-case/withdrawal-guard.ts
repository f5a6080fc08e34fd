/** What intake can learn about a case at the moment of a withdrawal: its own record, routing's and delivery's. */
export interface CaseSightings {
  /** intake.cases.status: ACCEPTED, or how intake heard the case ended. */
  intake: string;
  /** routing's workflow status; null when routing has not picked the case up yet. */
  workflow: string | null;
  /** delivery's deliveries of the case. */
  deliveries: string[];
}

const ENDED_IN_WORKFLOW = ['REJECTED', 'WITHDRAWN', 'DELIVERING', 'DELIVERED'];

/**
 * Why a withdrawal is too late, as a status to answer 409 with, or undefined when it may go ahead. Intake's own
 * record follows events and can lag; asking routing and delivery at the moment closes that window: a result
 * already handed over or dispatched, or a rejection, ends the chance to withdraw.
 */
export function withdrawalBlockedBy(s: CaseSightings): string | undefined {
  if (s.intake !== 'ACCEPTED') return s.intake;
  if (s.deliveries.includes('DELIVERED')) return 'DELIVERED';
  if (s.deliveries.includes('DISPATCHED')) return 'DELIVERING';
  if (s.workflow && ENDED_IN_WORKFLOW.includes(s.workflow)) return s.workflow;
  return undefined;
}
