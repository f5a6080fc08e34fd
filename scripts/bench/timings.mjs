// Server-side latencies of the finished lifecycles, from what the services recorded, not from the bench's polling.
//
// The case timeline (GET /cases/{caseNo}/timeline) gives each event's time in Asia/Shanghai to the second
// ("2026-12-02T10:15:03+08:00"): a stage moves on in tens of milliseconds, so a difference of two such times is 0 or
// 1 s and says nothing. The finest times the services keep are in their own tables (microseconds, the transaction's
// now() or the event's creation): intake.cases.accepted_at, approval.review_tasks.created_at / decided_at,
// fees.payment_notices.issued_at, delivery.deliveries.created_at (the result made ready) / delivered_at. Those are
// used when the bench can read the database; the timeline (second granularity) otherwise, and as a cross-check.
import pg from 'pg';
import { summarize } from './stats.mjs';

const ms = (col) => `(extract(epoch FROM ${col}) * 1000)::float8`;

/** Per case: acceptance, the stages' task openings and last decisions, the notice, the delivery (epoch ms). */
export async function serverTimes(databaseUrl, caseNos) {
  const c = new pg.Client({ connectionString: databaseUrl, application_name: 'bench-timings' });
  await c.connect();
  try {
    const out = new Map();
    for (let i = 0; i < caseNos.length; i += 5000) {
      const { rows } = await c.query(
        `SELECT c.case_no, ${ms('c.accepted_at')} AS accepted,
                (SELECT json_agg(json_build_object('stage', t.stage, 'opened', ${ms('t.created_at')}, 'decided', ${ms('t.decided_at')}))
                   FROM approval.review_tasks t WHERE t.case_no = c.case_no) AS tasks,
                (SELECT ${ms('min(n.issued_at)')} FROM fees.payment_notices n WHERE n.case_no = c.case_no) AS notice,
                ${ms('d.created_at')} AS ready, ${ms('d.delivered_at')} AS delivered
           FROM intake.cases c LEFT JOIN delivery.deliveries d ON d.case_no = c.case_no
          WHERE c.case_no = ANY($1::text[])`,
        [caseNos.slice(i, i + 5000)],
      );
      for (const r of rows) out.set(r.case_no, { accepted: r.accepted, tasks: r.tasks ?? [], notice: r.notice, ready: r.ready, delivered: r.delivered });
    }
    return out;
  } finally {
    await c.end();
  }
}

/**
 * The three latencies of one case from its times: accepted → first-stage tasks visible (the last of stage 1's
 * tasks committed), each stage's last decision → what it set off (the next stage's first task, or after the last
 * stage the payment notice, or for an item without fees the result made ready), accepted → delivered.
 */
export function caseLatencies(t) {
  const stages = new Map();
  for (const task of t.tasks) {
    const s = stages.get(task.stage) ?? { opened: [], decided: [] };
    s.opened.push(task.opened);
    if (task.decided !== null) s.decided.push(task.decided);
    stages.set(task.stage, s);
  }
  const order = [...stages.keys()].sort((a, b) => a - b);
  const first = stages.get(order[0]);
  const out = { toFirstTasks: first ? Math.max(...first.opened) - t.accepted : null, transitions: [], toDelivered: t.delivered !== null ? t.delivered - t.accepted : null };
  order.forEach((stage, i) => {
    const s = stages.get(stage);
    if (!s.decided.length || s.decided.length < s.opened.length) return;
    const decided = Math.max(...s.decided);
    const next = stages.get(order[i + 1]);
    if (next) out.transitions.push({ to: 'next stage tasks', ms: Math.min(...next.opened) - decided });
    else if (t.notice !== null) out.transitions.push({ to: 'payment notice', ms: t.notice - decided });
    else if (t.ready !== null) out.transitions.push({ to: 'result ready (no fee)', ms: t.ready - decided });
  });
  return out;
}

export function aggregate(perCase) {
  const transitions = perCase.flatMap((c) => c.transitions);
  const byTarget = {};
  for (const tr of transitions) (byTarget[tr.to] ??= []).push(tr.ms);
  return {
    acceptedToFirstTasks: summarize(perCase.map((c) => c.toFirstTasks)),
    decisionToNext: summarize(transitions.map((t) => t.ms)),
    decisionToNextBy: Object.fromEntries(Object.entries(byTarget).map(([k, v]) => [k, summarize(v)])),
    acceptedToDelivered: summarize(perCase.map((c) => c.toDelivered)),
  };
}

const SHANGHAI_SECOND = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

/**
 * The same three figures from GET /cases/{caseNo}/timeline (second granularity; routing.stage.opened stands for the
 * tasks, which have no event of their own), and a check of the entries' shape.
 */
export async function timelineFigures(api, caseNos) {
  const perCase = [];
  const problems = [];
  let entries = 0;
  for (let i = 0; i < caseNos.length; i += 10) {
    await Promise.all(
      caseNos.slice(i, i + 10).map(async (caseNo) => {
        const r = await api.call('supervisor1', 'GET', `/cases/${caseNo}/timeline`).catch((e) => ({ status: 0, body: e.message }));
        if (r.status !== 200 || !Array.isArray(r.body)) return problems.push(`${caseNo}: ${r.status}`);
        entries += r.body.length;
        for (const e of r.body) {
          if (!SHANGHAI_SECOND.test(e.at) || typeof e.type !== 'string' || !e.actor?.id || typeof e.data !== 'object') {
            problems.push(`${caseNo}: entry ${JSON.stringify(e).slice(0, 120)}`);
            break;
          }
        }
        const at = (type, pick = 'first') => {
          const xs = r.body.filter((e) => e.type === type).map((e) => Date.parse(e.at));
          return xs.length ? (pick === 'first' ? Math.min(...xs) : Math.max(...xs)) : null;
        };
        const accepted = at('intake.case.accepted.v1');
        const opened = r.body.filter((e) => e.type === 'routing.stage.opened.v1').map((e) => Date.parse(e.at));
        const decided = at('approval.task.decided.v1', 'last');
        const after = [at('fees.notice.issued.v1'), at('delivery.delivery.ready.v1')].filter((x) => x !== null);
        perCase.push({
          toFirstTasks: opened.length && accepted !== null ? Math.min(...opened) - accepted : null,
          transitions: decided !== null && after.length ? [{ to: 'notice or ready', ms: Math.min(...after) - decided }] : [],
          toDelivered: accepted !== null && at('delivery.delivery.delivered.v1') !== null ? at('delivery.delivery.delivered.v1') - accepted : null,
        });
      }),
    );
  }
  return { cases: caseNos.length, entries, problems: problems.slice(0, 10), figures: aggregate(perCase) };
}
