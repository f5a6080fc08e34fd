import type { WorklistTaskView } from '#libs/contracts';
import { eventually, idempotencyKey, type Api, type Reply } from '../e2e/support/api.js';

/**
 * The steps of a case that many tests take on the way to what they test, over the gateway's HTTP API. Each asserts
 * that its step worked, so a test fails at the step that broke. (To wait for a case view, `caseWhere` in
 * e2e/support/api.ts.)
 */

/** POST /cases as `user`, whatever the answer: for tests of what the window refuses. */
export function tryAccept(api: Api, application: object, user = 'clerk1'): Promise<Reply> {
  return api.as(user, 'POST', '/cases', application, { 'Idempotency-Key': idempotencyKey() });
}

/** POST /cases that must be accepted (201, ACCEPTED): the answer (AcceptCaseReply), loosely typed for tests to poke at. */
export async function accept(api: Api, application: object, user = 'clerk1'): Promise<{ caseNo: string; acceptedAt: string } & Record<string, any>> {
  const r = await tryAccept(api, application, user);
  expect([r.status, r.body]).toEqual([201, expect.objectContaining({ status: 'ACCEPTED' })]);
  return r.body;
}

/** The open task on the case in `rep`'s worklist, once approval has opened it. */
export function openTask(api: Api, rep: string, caseNo: string): Promise<WorklistTaskView> {
  return eventually(async () => {
    const r = await api.as(rep, 'GET', '/tasks?status=OPEN&limit=200');
    return (r.body?.items as WorklistTaskView[] | undefined)?.find?.((task) => task.caseNo === caseNo);
  }, `an open task for ${rep} on ${caseNo}`);
}

/** `rep` decides their department's open task on the case (200): the task as it was open. */
export async function decide(api: Api, rep: string, caseNo: string, decision = 'APPROVE', opinion = '同意'): Promise<WorklistTaskView> {
  const task = await openTask(api, rep, caseNo);
  const r = await api.as(rep, 'POST', `/tasks/${task.taskId}/decision`, { decision, opinion }, { 'Idempotency-Key': idempotencyKey() });
  expect([r.status, r.body?.code]).toEqual([200, undefined]);
  return task;
}
