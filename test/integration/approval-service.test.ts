import { ApprovalModule } from '../../apps/approval/src/approval.module.js';
import { ErrorCodes, Events, Rpc, type Actor, type StageOpenedData } from '#libs/contracts';
import { newId } from '#libs/messaging';
import { ofType, startOneService, type OneService } from '../support/one-service.js';
import { testCaseNo } from '../support/upstream-events.js';

/**
 * 后台分类审批 on its own: approval in this process against real PostgreSQL and NATS, fed routing's StageOpened on
 * JetStream and asked over request/reply as the gateway asks it.
 */
describe('approval, driven through its handlers', () => {
  let svc: OneService;
  const routing: Actor = { id: 'routing', role: 'SYSTEM' };
  const hud: Actor = { id: 'rep.hud', role: 'CHIEF_REP', department: 'HUD' };
  const tax: Actor = { id: 'rep.tax', role: 'CHIEF_REP', department: 'TAX' };

  beforeAll(async () => {
    svc = await startOneService('approval', (config) => ApprovalModule.register(config));
  }, 60_000);

  afterAll(async () => {
    await svc?.stop();
  }, 30_000);

  /** Routing opens RE-TRANSFER's one stage for its three departments and names each task. */
  function stageOpened(caseNo: string) {
    const taskIds = { HUD: newId(), TAX: newId(), NRB: newId() };
    const data: StageOpenedData = {
      itemCode: 'RE-TRANSFER',
      itemName: '不动产转移登记(存量房买卖)',
      stage: 1,
      departments: ['HUD', 'TAX', 'NRB'],
      lead: 'NRB',
      dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      taskIds,
      legalDeadline: new Date(Date.now() + 42 * 86_400_000).toISOString(),
    };
    return { taskIds, event: svc.event(Events.StageOpened, caseNo, data, routing) };
  }

  const decide = (actor: Actor, taskId: string, decision: 'APPROVE' | 'REJECT' = 'APPROVE', opinion = '同意') =>
    svc.rpc.request(Rpc.approval.decide, { actor, data: { taskId, decision, opinion } });

  it('opens a task per department of the stage, and a decision made over RPC is recorded once and emitted as TaskDecided', async () => {
    const caseNo = testCaseNo();
    const { taskIds, event } = stageOpened(caseNo);
    await svc.deliver(event);

    const tasks = await svc.rpc.request(Rpc.approval.tasksOfCase, { caseNo });
    expect(tasks.map((t) => [t.department, t.taskId, t.status, t.stage]).sort()).toEqual(
      [
        ['HUD', taskIds.HUD, 'OPEN', 1],
        ['NRB', taskIds.NRB, 'OPEN', 1],
        ['TAX', taskIds.TAX, 'OPEN', 1],
      ].sort(),
    );

    const decided = await decide(hud, taskIds.HUD, 'APPROVE', '  同意转移  ');
    expect(decided).toMatchObject({ taskId: taskIds.HUD, caseNo, department: 'HUD', status: 'APPROVED', decision: 'APPROVE', opinion: '同意转移', decidedBy: 'rep.hud' });

    const [row] = await svc.ds.query(`SELECT status, decision, decided_by FROM approval.review_tasks WHERE id = $1`, [taskIds.HUD]);
    expect(row).toEqual({ status: 'APPROVED', decision: 'APPROVE', decided_by: 'rep.hud' });
    const [audit] = await svc.ds.query(`SELECT action, department, case_no FROM approval.audit_log WHERE task_id = $1`, [taskIds.HUD]);
    expect(audit).toEqual({ action: 'TASK_DECIDED', department: 'HUD', case_no: caseNo });

    const emitted = await svc.emitted(caseNo);
    // The opened tasks are told too (routing's case view keeps a copy of them: issue #12).
    expect(emitted.map((e) => e.type)).toEqual([Events.TasksChanged, Events.TaskDecided]);
    expect(ofType(emitted, Events.TasksChanged)[0].data).toEqual({ reason: 'STAGE_OPENED', taskIds: expect.arrayContaining(Object.values(taskIds)) });
    const [taskDecided] = ofType(emitted, Events.TaskDecided);
    expect(taskDecided.data).toEqual({ taskId: taskIds.HUD, stage: 1, department: 'HUD', decision: 'APPROVE', opinion: '同意转移' });
    expect(taskDecided.actor).toEqual(hud);
  });

  it("refuses a second decision of a task (409) and another department's decision (403), and emits nothing for either", async () => {
    const caseNo = testCaseNo();
    const { taskIds, event } = stageOpened(caseNo);
    await svc.deliver(event);
    await decide(tax, taskIds.TAX, 'REJECT', '完税凭证与合同价格不符');

    await expect(decide(tax, taskIds.TAX, 'APPROVE')).rejects.toMatchObject({
      status: 409,
      code: ErrorCodes.TASK_ALREADY_DECIDED,
      details: { task: expect.objectContaining({ status: 'REJECTED', decidedBy: 'rep.tax' }) },
    });
    await expect(decide(hud, taskIds.NRB)).rejects.toMatchObject({ status: 403, code: ErrorCodes.TASK_NOT_YOURS });

    const [nrb] = await svc.ds.query(`SELECT status, decided_by FROM approval.review_tasks WHERE id = $1`, [taskIds.NRB]);
    expect(nrb).toEqual({ status: 'OPEN', decided_by: null });
    expect((await svc.emitted(caseNo)).map((e) => e.type)).toEqual([Events.TasksChanged, Events.TaskDecided]);
  });

  it('handles a redelivered StageOpened once: no second tasks, a decided task stays decided, nothing emitted', async () => {
    const caseNo = testCaseNo();
    const { taskIds, event } = stageOpened(caseNo);
    await svc.deliver(event);
    await decide(hud, taskIds.HUD);

    expect(await svc.redeliver(event)).toEqual({ skippedByInbox: true });

    expect(await svc.inboxCount(event.id)).toBe(1);
    const rows = await svc.ds.query(`SELECT department, status FROM approval.review_tasks WHERE case_no = $1 ORDER BY department`, [caseNo]);
    expect(rows).toEqual([
      { department: 'HUD', status: 'APPROVED' },
      { department: 'NRB', status: 'OPEN' },
      { department: 'TAX', status: 'OPEN' },
    ]);
    expect((await svc.emitted(caseNo)).map((e) => e.type)).toEqual([Events.TasksChanged, Events.TaskDecided]);
  });
});
