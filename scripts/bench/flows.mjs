// The two lifecycles the bench drives over the gateway's HTTP API, as the staff would: the window accepts, the
// departments decide their tasks, finance takes the payment, the courier or the window hands the result out.
// Every step has a time limit; a lifecycle that fails says at which step and why (LifecycleError).
import { open } from 'node:fs/promises';
import { sleep } from './stats.mjs';

const ORG_BODY = '91510704MA6CU1234';
// GB 32100-2015 check character of the unified social credit code (libs/checks creditCodeCheckChar): H.
export const ORG_ID = `${ORG_BODY}H`;
export const PERSON_ID = '11010519491231002X';

export const APPLICATIONS = {
  // 房屋转移登记: HUD + TAX + NRB in parallel (one stage), a payment notice of 8,000 + 1,000 fen, courier delivery.
  'RE-TRANSFER': () => ({
    itemCode: 'RE-TRANSFER',
    centerCode: '510704-C01',
    applicant: { type: 'PERSON', name: '张三', idType: 'ID_CARD', idNumber: PERSON_ID, phone: '13800138000' },
    materials: ['M01', 'M02', 'M03', 'M04', 'M05'].map((code) => ({ code, provided: true })),
    form: { propertyType: 'RESIDENTIAL', extraCertificates: 1 },
    delivery: { method: 'COURIER', recipient: '张三', phone: '13900139000', address: '示范区人民路1号' },
  }),
  // 企业开办一件事: SAMR (stage 1), then PSB + TAX + HRSS (stage 2), no fee, picked up at the window with the SMS code.
  'ENT-START': () => ({
    itemCode: 'ENT-START',
    centerCode: '510704-C01',
    applicant: { type: 'ORG', name: '示范科技有限公司', idType: 'USCC', idNumber: ORG_ID, phone: '13800138000' },
    materials: ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07'].map((code) => ({ code, provided: true })),
    form: {},
    delivery: { method: 'WINDOW' },
  }),
};
export const KINDS = Object.keys(APPLICATIONS);

export class LifecycleError extends Error {
  constructor(step, reason, caseNo) {
    super(`${step}: ${reason}`);
    this.step = step;
    this.reason = reason;
    this.caseNo = caseNo;
  }
}

const rep = (department) => `rep.${department.toLowerCase()}`;
const ok = (r) => r.status >= 200 && r.status < 300;
const brief = (r) => `${r.status} ${typeof r.body === 'string' ? r.body.slice(0, 160) : JSON.stringify(r.body)?.slice(0, 160)}`;

/**
 * Drives one case from acceptance to DELIVERED. `ctx`: {api, pollMs, stepTimeoutMs, pickupCode(caseNo, deadline)}.
 * Answers {kind, caseNo, acceptMs, deliveredMs (client-seen, accepted → DELIVERED observed), polls}.
 */
export async function runLifecycle(ctx, kind) {
  const { api } = ctx;
  let caseNo;
  let polls = 0;
  const view = async () => {
    polls++;
    const r = await api.call('supervisor1', 'GET', `/cases/${caseNo}`);
    if (r.status !== 200) throw new Error(`GET /cases/${caseNo}: ${brief(r)}`);
    // A degraded view (a service did not answer in time) says nothing about the missing parts: look again.
    return r.body?.degraded?.length ? undefined : r.body;
  };
  /** Looks at the case every pollMs until `probe` finds what the step waits for; fails the step after its time. */
  const until = async (step, probe) => {
    const deadline = Date.now() + ctx.stepTimeoutMs;
    let last;
    for (;;) {
      try {
        const v = await view();
        const found = v && probe(v);
        if (found) return found;
        last = v ? `status ${v.status}` : 'degraded view';
      } catch (e) {
        last = e.message;
      }
      if (Date.now() > deadline) throw new LifecycleError(step, `not seen within ${ctx.stepTimeoutMs / 1000} s (last: ${last})`, caseNo);
      await sleep(ctx.pollMs);
    }
  };
  const command = async (step, user, path, body) => {
    let r;
    try {
      r = await api.call(user, 'POST', path, body);
    } catch (e) {
      throw new LifecycleError(step, e.message, caseNo);
    }
    if (!ok(r)) throw new LifecycleError(step, brief(r), caseNo);
    return r.body;
  };
  const openTasks = (stage, count) => (v) => {
    const tasks = (v.tasks ?? []).filter((t) => t.stage === stage && t.status === 'OPEN');
    return tasks.length === count ? tasks : undefined;
  };
  const decideAll = (step, tasks) =>
    Promise.all(tasks.map((t) => command(`${step} (${t.department})`, rep(t.department), `/tasks/${t.taskId}/decision`, { decision: 'APPROVE', opinion: '同意' })));

  const t0 = performance.now();
  const accepted = await command('accept', 'clerk1', '/cases', APPLICATIONS[kind]());
  const acceptMs = performance.now() - t0;
  caseNo = accepted?.caseNo;
  if (!caseNo) throw new LifecycleError('accept', `no caseNo in ${JSON.stringify(accepted)?.slice(0, 160)}`);
  const tAccepted = performance.now();

  if (kind === 'RE-TRANSFER') {
    await decideAll('decide stage 1', await until('stage 1 tasks', openTasks(1, 3)));
    const notice = await until('payment notice', (v) => v.paymentNotice?.noticeNo && v.paymentNotice);
    await command('pay', 'finance1', `/payment-notices/${notice.noticeNo}/payments`, { amountFen: notice.totalFen, channel: 'POS', reference: `BENCH-${caseNo}` });
    const delivery = await until('delivery ready', (v) => v.deliveries?.find((d) => d.status === 'READY'));
    await command('dispatch', 'courier1', `/deliveries/${delivery.deliveryId}/dispatch`, { carrier: 'EMS', waybillNo: `EMS${caseNo.slice(-12)}` });
    await until('delivering', (v) => v.status === 'DELIVERING');
    await command('delivered', 'courier1', `/deliveries/${delivery.deliveryId}/delivered`, { signedBy: '张三' });
  } else if (kind === 'ENT-START') {
    await decideAll('decide stage 1', await until('stage 1 task', openTasks(1, 1)));
    await decideAll('decide stage 2', await until('stage 2 tasks', openTasks(2, 3)));
    const delivery = await until('delivery ready', (v) => v.status === 'READY_FOR_DELIVERY' && v.deliveries?.find((d) => d.status === 'READY'));
    const pickupCode = await ctx.pickupCode(caseNo, Date.now() + ctx.stepTimeoutMs).catch((e) => {
      throw new LifecycleError('pickup code', e.message, caseNo);
    });
    await command('pickup', 'clerk1', `/deliveries/${delivery.deliveryId}/pickup`, { pickupCode, idNumber: ORG_ID });
  } else {
    throw new LifecycleError('accept', `unknown kind ${kind}`);
  }
  await until('delivered', (v) => v.status === 'DELIVERED');
  return { kind, caseNo, acceptMs, deliveredMs: performance.now() - tAccepted, polls };
}

/**
 * The applicant's SMS, as delivery's file sink writes it (NOTIFY_FILE, one JSON line each): the pickup code of a
 * window delivery is only there. Reads the file's new lines as they come, one reader for all lifecycles.
 */
export function notificationTail(file, pollMs = 100) {
  const codes = new Map();
  let offset = 0;
  let partial = '';
  let reading;
  async function readNew() {
    const fh = await open(file, 'r').catch(() => null);
    if (!fh) return;
    try {
      const { size } = await fh.stat();
      if (size < offset) offset = 0; // a new file
      while (offset < size) {
        const buf = Buffer.alloc(Math.min(1 << 20, size - offset));
        const { bytesRead } = await fh.read(buf, 0, buf.length, offset);
        if (!bytesRead) break;
        offset += bytesRead;
        const lines = (partial + buf.subarray(0, bytesRead).toString('utf8')).split('\n');
        partial = lines.pop();
        for (const line of lines) {
          if (!line) continue;
          try {
            const n = JSON.parse(line);
            const code = n.template === 'RESULT_READY_WINDOW' && /取件码(\d{6})/.exec(n.text ?? '')?.[1];
            if (code) codes.set(n.caseNo, code);
          } catch {
            /* not a notification line */
          }
        }
      }
    } finally {
      await fh.close();
    }
  }
  const refresh = () => (reading ??= readNew().finally(() => (reading = undefined)));
  return {
    file,
    async pickupCode(caseNo, deadline) {
      for (;;) {
        if (codes.has(caseNo)) return codes.get(caseNo);
        await refresh();
        if (codes.has(caseNo)) return codes.get(caseNo);
        if (Date.now() > deadline) throw new Error(`no RESULT_READY_WINDOW notification for ${caseNo} in ${file}`);
        await sleep(pollMs);
      }
    },
  };
}
