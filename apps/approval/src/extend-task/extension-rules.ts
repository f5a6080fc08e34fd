import { ErrorCodes } from '#libs/contracts';

export type ExtensionVerdict =
  | { ok: true }
  | { ok: false; status: 409 | 422; code: string; message: string };

/**
 * 延期: once per task, while the task is open and not yet overdue (an extension is asked for before the time runs
 * out, not to erase a red card), and only within the legal limit: the new due time may not pass the case's legal
 * deadline (法定时限), nor may it be applied when that deadline is unknown.
 */
export function extensionVerdict(t: {
  status: string;
  extended: boolean;
  dueAt: Date;
  newDueAt: Date;
  legalDeadline: Date | undefined;
  now: Date;
}): ExtensionVerdict {
  if (t.status !== 'OPEN') {
    const why = t.status === 'PAUSED' ? 'it is paused while the case waits for a supplement' : `it is ${t.status}`;
    return { ok: false, status: 409, code: ErrorCodes.TASK_NOT_OPEN, message: `The task cannot be extended: ${why}.` };
  }
  if (t.extended) return { ok: false, status: 409, code: ErrorCodes.TASK_ALREADY_EXTENDED, message: 'A task can be extended once; this one already was.' };
  if (t.now > t.dueAt) return { ok: false, status: 409, code: ErrorCodes.TASK_EXTENSION_TOO_LATE, message: 'The task is already overdue; an extension must be granted before its due time.' };
  if (!t.legalDeadline) {
    return { ok: false, status: 422, code: ErrorCodes.TASK_EXTENSION_BEYOND_LEGAL_LIMIT, message: "The case's legal deadline is not known here yet; try again shortly." };
  }
  if (t.newDueAt > t.legalDeadline) {
    return { ok: false, status: 422, code: ErrorCodes.TASK_EXTENSION_BEYOND_LEGAL_LIMIT, message: "The new due time would pass the case's legal deadline (法定时限)." };
  }
  return { ok: true };
}
