// The lifecycles the fault suite drives over the gateway's HTTP API, as the window, the departments, the fee window and
// the courier desk would (the steps of test/support/flows.ts and the e2e tests). Each is state-driven: it reads the
// case, does the next step, and when a command is refused after a retry (its first attempt may have done the work and
// lost the answer) it looks again whether the step is done before calling it a failure.
//
// Each lifecycle's plan, and the end state it intends (written to the expect file for check-invariants), is fixed
// up-front from the seed: the intent never comes from what the system did.
import { readFile } from 'node:fs/promises';
import { creditCodeCheckChar } from '../../dist/libs/checks/src/index.js';

export const PERSON_ID = '11010519491231002X';
export const ORG_ID = (() => {
  const body = '91510704MA6CU1234';
  return body + creditCodeCheckChar(body);
})();

export const SCRIPTS = {
  RE_TRANSFER_COURIER: 'RE-TRANSFER: 3 parallel approvals, payment, courier dispatch, delivered',
  ENT_START_WINDOW: 'ENT-START: SAMR, then PSB+TAX+HRSS, no fee, picked up at the window with the SMS code',
  REJECTION: 'a department rejects (RE-TRANSFER or ENT-START, at stage 1 or 2, after 0–2 approvals)',
  WITHDRAWAL_AFTER_PAYMENT: 'RE-TRANSFER approved and paid, withdrawn while ready, refunded (in one or two parts)',
  TOLERANT_LATE: '容缺受理: accepted with a material missing, supplemented only after approval (and payment)',
};
const WEIGHTS = { RE_TRANSFER_COURIER: 30, ENT_START_WINDOW: 20, REJECTION: 15, WITHDRAWAL_AFTER_PAYMENT: 15, TOLERANT_LATE: 20 };
const REP = { HUD: 'rep.hud', TAX: 'rep.tax', NRB: 'rep.nrb', SAMR: 'rep.samr', PSB: 'rep.psb', HRSS: 'rep.hrss' };
const FINAL = ['DELIVERED', 'REJECTED', 'WITHDRAWN'];

const provided = (...codes) => codes.map((code) => ({ code, provided: true }));
const person = { type: 'PERSON', name: '张三', idType: 'ID_CARD', idNumber: PERSON_ID, phone: '13800138000' };
const org = { type: 'ORG', name: '示范科技有限公司', idType: 'USCC', idNumber: ORG_ID, phone: '13800138000' };
const courier = { method: 'COURIER', recipient: '张三', phone: '13900139000', address: '示范区人民路1号' };

function reTransfer(extraCertificates, materials = provided('M01', 'M02', 'M03', 'M04', 'M05'), tolerant = false) {
  return {
    itemCode: 'RE-TRANSFER',
    centerCode: '510704-C01',
    applicant: person,
    materials,
    form: { propertyType: 'RESIDENTIAL', extraCertificates },
    delivery: courier,
    ...(tolerant ? { tolerant: true } : {}),
  };
}
const entStart = () => ({
  itemCode: 'ENT-START',
  centerCode: '510704-C01',
  applicant: org,
  materials: provided('M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07'),
  form: {},
  delivery: { method: 'WINDOW' },
});
const foodBizTolerant = () => ({
  itemCode: 'FOOD-BIZ',
  centerCode: '510704-C01',
  applicant: person,
  materials: provided('M01', 'M02', 'M04'),
  delivery: { method: 'WINDOW' },
  tolerant: true,
});

const approved = (...depts) => Object.fromEntries(depts.map((d) => [d, 'APPROVED']));

/** The plan of lifecycle `n`: its script, its variant, and the end it intends. */
export function planLifecycle(n, r) {
  const script = r.weighted(WEIGHTS);
  const extra = r.int(0, 1);
  const total = 8000 + 1000 * extra;
  const retransferPaid = { status: 'PAID', totalFen: total, paidFen: total, refundedFen: 0 };
  switch (script) {
    case 'RE_TRANSFER_COURIER':
      return {
        n, script, variant: `extraCertificates=${extra}`, application: reTransfer(extra), totalFen: total,
        end: { status: 'DELIVERED', intakeStatus: 'DELIVERED', tasks: approved('HUD', 'TAX', 'NRB'), notice: retransferPaid, payments: { applied: 1, unapplied: 0 }, refunds: 0, delivery: { method: 'COURIER', status: 'DELIVERED' }, certificates: 1, decisionLetters: 0, supplements: 0 },
      };
    case 'ENT_START_WINDOW':
      return {
        n, script, variant: 'window pickup', application: entStart(), idNumber: ORG_ID,
        end: { status: 'DELIVERED', intakeStatus: 'DELIVERED', tasks: approved('SAMR', 'PSB', 'TAX', 'HRSS'), notice: null, payments: { applied: 0, unapplied: 0 }, refunds: 0, delivery: { method: 'WINDOW', status: 'DELIVERED' }, certificates: 4, decisionLetters: 0, supplements: 0 },
      };
    case 'REJECTION': {
      const kind = r.pick(['re-transfer', 'ent-start-1', 'ent-start-2']);
      let stages;
      let application;
      if (kind === 're-transfer') {
        application = reTransfer(extra);
        stages = [['HUD', 'TAX', 'NRB']];
      } else {
        application = entStart();
        stages = kind === 'ent-start-1' ? [['SAMR']] : [['SAMR'], ['PSB', 'TAX', 'HRSS']];
      }
      const last = r.shuffle(stages.at(-1));
      const approvalsFirst = r.int(0, last.length - 1);
      const before = last.slice(0, approvalsFirst);
      const rejecter = last[approvalsFirst];
      const tasks = {};
      for (const s of stages.slice(0, -1)) Object.assign(tasks, approved(...s));
      for (const d of last) tasks[d] = before.includes(d) ? 'APPROVED' : d === rejecter ? 'REJECTED' : 'CANCELLED';
      return {
        n, script, variant: `${kind}: ${before.length ? `${before.join('+')} approve, then ` : ''}${rejecter} rejects`, application,
        stages, approveFirst: before, rejecter,
        end: { status: 'REJECTED', intakeStatus: 'REJECTED', tasks, notice: null, payments: { applied: 0, unapplied: 0 }, refunds: 0, delivery: 'any', certificates: 0, decisionLetters: 1, supplements: 0 },
      };
    }
    case 'WITHDRAWAL_AFTER_PAYMENT': {
      // Two parts only with a first part above half: a retried first part can then never be refunded twice (the
      // second run of it exceeds what is left), which is what a careful finance client relies on.
      const parts = r.next() < 0.6 ? [total] : [Math.ceil(total * 0.6), total - Math.ceil(total * 0.6)];
      return {
        n, script, variant: `extraCertificates=${extra}, refund in ${parts.length} part(s)`, application: reTransfer(extra), totalFen: total, refundParts: parts,
        end: { status: 'WITHDRAWN', intakeStatus: 'WITHDRAWN', tasks: approved('HUD', 'TAX', 'NRB'), notice: { status: 'REFUNDED', totalFen: total, paidFen: total, refundedFen: total }, payments: { applied: 1, unapplied: 0 }, refunds: parts.length, delivery: { status: 'CANCELLED' }, certificates: [0, 1], decisionLetters: 0, supplements: 0 },
      };
    }
    case 'TOLERANT_LATE':
    default: {
      if (r.next() < 0.5) {
        return {
          n, script: 'TOLERANT_LATE', variant: 'FOOD-BIZ without M03, supplemented after approval, window pickup', application: foodBizTolerant(), idNumber: PERSON_ID, missing: 'M03', tasksOf: [['SAMR']],
          end: { status: 'DELIVERED', intakeStatus: 'DELIVERED', tasks: approved('SAMR'), notice: null, payments: { applied: 0, unapplied: 0 }, refunds: 0, delivery: { method: 'WINDOW', status: 'DELIVERED' }, certificates: 1, decisionLetters: 0, supplements: 1, supplementBefore: 'delivery.certificates.issued.v1' },
        };
      }
      return {
        n, script: 'TOLERANT_LATE', variant: 'RE-TRANSFER without M05, supplemented after payment, courier', application: reTransfer(extra, provided('M01', 'M02', 'M03', 'M04'), true), totalFen: total, missing: 'M05',
        end: { status: 'DELIVERED', intakeStatus: 'DELIVERED', tasks: approved('HUD', 'TAX', 'NRB'), notice: retransferPaid, payments: { applied: 1, unapplied: 0 }, refunds: 0, delivery: { method: 'COURIER', status: 'DELIVERED' }, certificates: 1, decisionLetters: 0, supplements: 1, supplementBefore: 'delivery.certificates.issued.v1' },
      };
    }
  }
}

/** Pickup codes as the applicant's SMS carries them: delivery's file sink (NOTIFY_FILE), tailed. */
export class NotificationTail {
  constructor(file) {
    this.file = file;
    this.codes = new Map();
    this.offset = 0;
    this.rest = '';
    this.timer = setInterval(() => void this.read().catch(() => undefined), 250);
  }
  async read() {
    const buf = await readFile(this.file).catch(() => null);
    if (!buf || buf.length <= this.offset) return;
    const text = this.rest + buf.subarray(this.offset).toString('utf8');
    this.offset = buf.length;
    const lines = text.split('\n');
    this.rest = lines.pop();
    for (const line of lines) {
      try {
        const n = JSON.parse(line);
        const code = /取件码(\d{6})/.exec(n.text ?? '')?.[1];
        if (code && n.template?.startsWith('RESULT_READY')) this.codes.set(n.caseNo, code);
      } catch {
        /* a torn line of a killed writer: skip */
      }
    }
  }
  stop() {
    clearInterval(this.timer);
  }
}

export class LifecycleFailed extends Error {
  constructor(message, evidence) {
    super(message);
    this.evidence = evidence;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function summary(v) {
  if (!v) return 'no view';
  const tasks = (v.tasks ?? []).map((t) => `${t.department}/${t.stage}:${t.status}`).join(',');
  const n = v.paymentNotice ? `${v.paymentNotice.noticeNo}:${v.paymentNotice.status} paid ${v.paymentNotice.paidFen} refunded ${v.paymentNotice.refundedFen}` : '-';
  const d = (v.deliveries ?? []).map((x) => `${x.method}:${x.status}`).join(',') || '-';
  const blocked = v.blockedBy ? ` blockedBy ${JSON.stringify(v.blockedBy)}` : '';
  return `status ${v.status}${v.statusBeforeBlocked ? ` (before blocked: ${v.statusBeforeBlocked})` : ''}; tasks [${tasks}]; notice ${n}; deliveries ${d}; pending [${(v.pendingMaterials ?? []).map((m) => m.code ?? m.name).join(',')}]${blocked}`;
}

/**
 * Runs one planned lifecycle. ctx: {client, tail, seed, stepTimeoutMs, log}. Returns
 * {caseNo, idempotencyKey, observed, notes, steps} or throws LifecycleFailed with the evidence.
 */
export async function runLifecycle(plan, ctx) {
  const { client } = ctx;
  const notes = [];
  const rec = { n: plan.n, script: plan.script, variant: plan.variant, idempotencyKey: client.idempotencyKey(), caseNo: null, notes, observed: null, step: 'accept' };
  ctx.onStart?.(rec);
  let last;
  const deadline = () => Date.now() + ctx.stepTimeoutMs;

  const view = async () => {
    const r = await client.call('supervisor1', 'GET', `/cases/${rec.caseNo}`, undefined, { deadline: deadline() });
    if (r.status !== 200 || r.body?.degraded) return undefined;
    last = r.body;
    if (r.body.status === 'BLOCKED') throw new LifecycleFailed(`case ${rec.caseNo} is BLOCKED (a dead letter) at step ${rec.step}`, summary(r.body));
    return r.body;
  };
  const waitFor = async (what, pred, timeoutMs = ctx.stepTimeoutMs) => {
    rec.step = what;
    const until = Date.now() + timeoutMs;
    for (let i = 0; ; i++) {
      const v = await view();
      const ok = v && pred(v);
      if (ok) return v;
      if (Date.now() > until) throw new LifecycleFailed(`case ${rec.caseNo}: ${what} did not happen within ${timeoutMs / 1000} s`, summary(last));
      await sleep(Math.min(1000, 200 + 60 * i) * (0.75 + Math.random() / 2));
    }
  };
  /** A command; when it is refused, the step may have been done by an earlier attempt whose answer got lost. */
  const command = async (step, user, path, body, isDone, okStatuses = [200, 201]) => {
    rec.step = step;
    const r = await client.call(user, 'POST', path, body, { deadline: deadline() });
    if (okStatuses.includes(r.status)) {
      if (r.attempts > 1) notes.push(`${step}: answered after ${r.attempts} attempts${r.replayed ? ' (replayed)' : ''}`);
      return r;
    }
    if (r.status === 409 || r.status === 422) {
      // Refused: done already by an attempt whose answer was lost? Its effects may still be on their way.
      try {
        await waitFor(`${step} (found done after ${r.status} ${r.body?.code})`, isDone, 20_000);
        notes.push(`${step}: ${r.status} ${r.body?.code} after ${r.attempts} attempts, but it was done: an earlier attempt's answer was lost`);
        return r;
      } catch (e) {
        if (!(e instanceof LifecycleFailed)) throw e;
      }
    }
    throw new LifecycleFailed(`case ${rec.caseNo}: ${step} refused: ${r.status} ${JSON.stringify(r.body).slice(0, 400)} (after ${r.attempts} attempts)`, summary(last));
  };
  const taskOf = (v, dept) => v.tasks?.filter((t) => t.department === dept).sort((a, b) => b.stage - a.stage)[0];
  const decide = async (dept, decision) => {
    const v = await waitFor(`an open ${dept} task`, (x) => taskOf(x, dept)?.status === 'OPEN');
    const task = taskOf(v, dept);
    const opinion = decision === 'APPROVE' ? '同意' : '经审查，申请材料不符合法定条件，不予许可';
    await command(`${dept} ${decision}`, REP[dept], `/tasks/${task.taskId}/decision`, { decision, opinion }, (x) => x.tasks?.find((t) => t.taskId === task.taskId)?.status !== 'OPEN');
  };
  const pay = async () => {
    const v = await waitFor('AWAITING_PAYMENT with its notice', (x) => x.status === 'AWAITING_PAYMENT' && x.paymentNotice?.status === 'UNPAID');
    const notice = v.paymentNotice;
    if (notice.totalFen !== plan.totalFen) throw new LifecycleFailed(`case ${rec.caseNo}: notice ${notice.noticeNo} is for ${notice.totalFen} fen, the plan expects ${plan.totalFen}`, summary(v));
    await command('pay', 'finance1', `/payment-notices/${notice.noticeNo}/payments`, { amountFen: notice.totalFen, channel: 'POS', reference: `POS-F${ctx.seed}-${plan.n}` }, (x) => x.paymentNotice?.paidFen >= notice.totalFen);
    return notice;
  };
  const ready = () => waitFor('READY_FOR_DELIVERY with its delivery', (x) => x.status === 'READY_FOR_DELIVERY' && x.deliveries?.some((d) => d.status === 'READY'));
  const courierToDoor = async () => {
    const v = await ready();
    const d = v.deliveries.find((x) => x.status === 'READY');
    const moved = (...s) => (x) => s.includes(x.deliveries?.find((y) => y.deliveryId === d.deliveryId)?.status);
    await command('dispatch', 'courier1', `/deliveries/${d.deliveryId}/dispatch`, { carrier: 'EMS', waybillNo: `EMS${rec.caseNo.slice(-12)}` }, moved('DISPATCHED', 'DELIVERED'));
    await waitFor('DELIVERING', (x) => x.status === 'DELIVERING' || x.status === 'DELIVERED');
    await command('delivered', 'courier1', `/deliveries/${d.deliveryId}/delivered`, { signedBy: '张三' }, moved('DELIVERED'));
  };
  const pickUp = async (idNumber) => {
    const v = await ready();
    const d = v.deliveries.find((x) => x.status === 'READY');
    rec.step = 'the pickup code in the SMS';
    const until = Date.now() + ctx.stepTimeoutMs;
    while (!ctx.tail.codes.has(rec.caseNo)) {
      if (Date.now() > until) throw new LifecycleFailed(`case ${rec.caseNo}: no result-ready notification with a pickup code within ${ctx.stepTimeoutMs / 1000} s`, summary(last));
      await sleep(300);
    }
    await command('pickup', 'clerk1', `/deliveries/${d.deliveryId}/pickup`, { pickupCode: ctx.tail.codes.get(rec.caseNo), idNumber }, (x) => x.deliveries?.find((y) => y.deliveryId === d.deliveryId)?.status === 'DELIVERED');
  };
  const timelineHas = (type) =>
    (async () => {
      rec.step = `${type} on the timeline`;
      const until = Date.now() + ctx.stepTimeoutMs;
      for (let i = 0; ; i++) {
        const r = await client.call('supervisor1', 'GET', `/cases/${rec.caseNo}/timeline`, undefined, { deadline: deadline() });
        if (r.status === 200 && Array.isArray(r.body) && r.body.some((e) => e.type === type)) return;
        if (Date.now() > until) throw new LifecycleFailed(`case ${rec.caseNo}: ${type} not on the timeline within ${ctx.stepTimeoutMs / 1000} s`, summary(last));
        await sleep(Math.min(1000, 200 + 60 * i));
      }
    })();
  const supplement = (code) =>
    command(`supplement ${code}`, 'clerk1', `/cases/${rec.caseNo}/supplements`, { materials: [{ code }] }, (x) => (x.pendingMaterials ?? []).length === 0, [201]);

  // ---- acceptance: retried with its one key until the window answers; the key names the case (intake.request_id)
  rec.step = 'accept';
  const accepted = await client.call('clerk1', 'POST', '/cases', plan.application, { key: rec.idempotencyKey, deadline: deadline() });
  if (accepted.status !== 201 || !accepted.body?.caseNo) {
    throw new LifecycleFailed(`acceptance refused: ${accepted.status} ${JSON.stringify(accepted.body).slice(0, 400)}`, `after ${accepted.attempts} attempts`);
  }
  rec.caseNo = accepted.body.caseNo;
  if (accepted.attempts > 1) notes.push(`accept: answered after ${accepted.attempts} attempts${accepted.replayed ? ' (replayed)' : ''}`);
  ctx.onAccepted?.(rec);

  switch (plan.script) {
    case 'RE_TRANSFER_COURIER':
      await Promise.all(['HUD', 'TAX', 'NRB'].map((d) => decide(d, 'APPROVE')));
      await pay();
      await courierToDoor();
      break;
    case 'ENT_START_WINDOW':
      await decide('SAMR', 'APPROVE');
      await Promise.all(['PSB', 'TAX', 'HRSS'].map((d) => decide(d, 'APPROVE')));
      await pickUp(plan.idNumber);
      break;
    case 'REJECTION':
      for (const s of plan.stages.slice(0, -1)) await Promise.all(s.map((d) => decide(d, 'APPROVE')));
      for (const d of plan.approveFirst) await decide(d, 'APPROVE');
      await decide(plan.rejecter, 'REJECT');
      await waitFor('REJECTED with no task left open', (x) => x.status === 'REJECTED' && x.tasks?.every((t) => t.status !== 'OPEN'));
      break;
    case 'WITHDRAWAL_AFTER_PAYMENT': {
      await Promise.all(['HUD', 'TAX', 'NRB'].map((d) => decide(d, 'APPROVE')));
      const notice = await pay();
      await ready();
      await command('withdraw', 'clerk1', `/cases/${rec.caseNo}/withdraw`, { reason: '申请人撤回申请' }, (x) => x.status === 'WITHDRAWN');
      await waitFor('the notice REFUND_DUE', (x) => x.status === 'WITHDRAWN' && x.paymentNotice?.status === 'REFUND_DUE');
      let refunded = 0;
      for (const amountFen of plan.refundParts) {
        refunded += amountFen;
        const target = refunded;
        await command(`refund ${amountFen}`, 'finance1', `/payment-notices/${notice.noticeNo}/refunds`, { amountFen, reason: '撤回退费' }, (x) => x.paymentNotice?.refundedFen >= target, [201]);
      }
      await waitFor('the notice REFUNDED', (x) => x.paymentNotice?.status === 'REFUNDED');
      break;
    }
    case 'TOLERANT_LATE':
      if (plan.application.itemCode === 'FOOD-BIZ') {
        await decide('SAMR', 'APPROVE');
        await timelineHas('fees.case.settled.v1');
        await supplement(plan.missing);
        await pickUp(plan.idNumber);
      } else {
        await Promise.all(['HUD', 'TAX', 'NRB'].map((d) => decide(d, 'APPROVE')));
        await pay();
        await timelineHas('fees.case.settled.v1');
        await supplement(plan.missing);
        await courierToDoor();
      }
      break;
    default:
      throw new Error(`unknown script ${plan.script}`);
  }
  const end = await waitFor(`the end state ${plan.end.status}`, (x) => x.status === plan.end.status);
  rec.observed = end.status;
  rec.step = 'done';
  if (!FINAL.includes(end.status)) notes.push(`ended in ${end.status}`);
  return rec;
}
