import { toShanghai } from '#libs/calendar';
import type { TaskExtensionView, TaskStatus, TaskView } from '#libs/contracts';

export interface ReviewTaskRow {
  id: string;
  case_no: string;
  item_code: string;
  item_name: string;
  department: string;
  stage: number;
  status: TaskStatus;
  due_at: Date;
  decision: string | null;
  opinion: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  cancel_reason: string | null;
  assignee: string | null;
  decided_on_behalf_of: string | null;
  created_at: Date;
  version: number;
  /** The clock (#4): PAUSED since (the case waits for a supplement), and the one extension (TaskExtensionView). */
  paused_at?: Date | null;
  /** Working time spent paused by supplements, in ms: the worklist's warning level leaves it out. */
  paused_ms?: string | number;
  extension?: TaskExtensionView | null;
}

/** Absent facts are left out of the view rather than sent as null. */
export function toTaskView(r: ReviewTaskRow): TaskView {
  return {
    taskId: r.id,
    caseNo: r.case_no,
    itemCode: r.item_code,
    itemName: r.item_name,
    department: r.department,
    stage: r.stage,
    status: r.status,
    dueAt: toShanghai(r.due_at)!,
    decision: r.decision ?? undefined,
    opinion: r.opinion ?? undefined,
    decidedBy: r.decided_by ?? undefined,
    onBehalfOf: r.decided_on_behalf_of ?? undefined,
    decidedAt: toShanghai(r.decided_at) ?? undefined,
    cancelReason: r.cancel_reason ?? undefined,
    assignee: r.assignee ?? undefined,
    createdAt: toShanghai(r.created_at)!,
    pausedAt: toShanghai(r.paused_at) ?? undefined,
    extension: r.extension ?? undefined,
  };
}
