#!/usr/bin/env node
// npm run check:invariants -- [--namespace ow] [--expect FILE] [--only-expected] [--wait 60] [--skew-ms 0]
//
// Proves from the databases and the streams of a deployment that nothing was lost, done twice or left hanging:
// one line per invariant, PASS or FAIL with its counts (and up to five examples of what broke it), exit code 1 on any
// FAIL. Usable against any deployment: DATABASE_URL (the one database with the six schemas), NATS_URL, and the
// namespace (--namespace, else NAMESPACE, else NATS_NAMESPACE, else ow; it prefixes every subject and stream, see
// libs/messaging/src/subjects.ts).
//
// It first waits (up to --wait seconds) until the deployment is quiet: every outbox row published, every durable
// consumer with nothing pending or unacknowledged, no notification queued. Run it when no new work comes in.
//
// --expect FILE: what a driver meant to happen (the fault suite writes one): each case's intended end state, the
// acceptance requests it sent (their Idempotency-Keys), and the dead letters it expects (none, usually). Without it,
// only what holds for every deployment is checked: e.g. no case stuck in a non-final status with nothing pending.
// --only-expected: the database holds the driver's cases and nothing else (any other case is unexplained).
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';

const SCHEMAS = ['intake', 'routing', 'approval', 'fees', 'delivery', 'gateway'];
/** The services that publish events: one stream each, `<NS>_<SERVICE>` (libs/messaging streams.ts). */
const PRODUCERS = ['intake', 'routing', 'approval', 'fees', 'delivery'];
const FINAL = ['DELIVERED', 'REJECTED', 'WITHDRAWN'];
/** Events that happen at most once in a case's life: a second one means a handler or a command ran twice. */
const ONCE_PER_CASE = [
  'intake.case.accepted.v1',
  'intake.case.withdrawn.v1',
  'routing.case.approved.v1',
  'routing.case.rejected.v1',
  'fees.case.settled.v1',
  'delivery.certificates.issued.v1',
  'delivery.delivery.delivered.v1',
  'delivery.decision-letter.issued.v1',
];
/** Notifications the applicant gets at most once per case (the others may repeat: a courier retry, a reissue). */
const ONCE_TEMPLATES = ['CASE_ACCEPTED', 'CASE_APPROVED', 'CASE_REJECTED', 'DELIVERED'];
/** Causes come before their effects on a case's timeline: the first effect never precedes the first cause. */
const CAUSAL = [
  ['routing.stage.opened.v1', 'approval.task.decided.v1'],
  ['approval.task.decided.v1', 'routing.case.approved.v1'],
  ['approval.task.decided.v1', 'routing.case.rejected.v1'],
  ['routing.case.approved.v1', 'fees.notice.issued.v1'],
  ['fees.notice.issued.v1', 'fees.payment.recorded.v1'],
  ['routing.case.approved.v1', 'fees.case.settled.v1'],
  ['fees.case.settled.v1', 'delivery.certificates.issued.v1'],
  ['delivery.certificates.issued.v1', 'delivery.delivery.ready.v1'],
  ['delivery.delivery.ready.v1', 'delivery.delivery.dispatched.v1'],
  ['delivery.delivery.dispatched.v1', 'delivery.delivery.delivered.v1'],
  ['delivery.delivery.ready.v1', 'delivery.delivery.delivered.v1'],
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const streamName = (ns, producer) => `${ns}_${producer}`.toUpperCase();
const dlqStream = (ns) => `${ns}_DLQ`.toUpperCase();
const examples = (xs, f = (x) => JSON.stringify(x)) => (xs.length ? `: ${xs.slice(0, 5).map(f).join('; ')}${xs.length > 5 ? `; … ${xs.length - 5} more` : ''}` : '');

/**
 * Checks every invariant; returns {ok, results: [{name, ok, detail, skipped?}], quiescence}. `expect` is the parsed
 * expect file (or undefined). `log` gets progress lines.
 */
export async function checkInvariants({ databaseUrl, natsUrl, namespace, expect, onlyExpected = false, waitMs = 60_000, skewMs = 0, log = () => {} }) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const nc = await connect({ servers: natsUrl, timeout: 5000 });
  const jsm = await jetstreamManager(nc);
  const results = [];
  const add = (name, ok, detail) => results.push({ name, ok, detail });
  const skip = (name, why) => results.push({ name, ok: true, skipped: true, detail: `skipped: ${why}` });
  const q = async (sql, params) => (await db.query(sql, params)).rows;
  try {
    const tables = new Set((await q(`SELECT table_schema || '.' || table_name AS t FROM information_schema.tables WHERE table_schema = ANY($1)`, [SCHEMAS])).map((r) => r.t));
    const has = (...ts) => ts.every((t) => tables.has(t));
    const outboxSchemas = SCHEMAS.filter((s) => tables.has(`${s}.outbox`));

    // ---- quiescence: nothing in flight any more, or the wait is over
    const consumers = async () => {
      const all = [];
      for (const p of PRODUCERS) {
        const stream = streamName(namespace, p);
        try {
          for await (const ci of jsm.consumers.list(stream)) all.push({ stream, name: ci.name, pending: ci.num_pending, ackPending: ci.num_ack_pending, redelivered: ci.num_redelivered, waiting: ci.num_waiting });
        } catch (e) {
          if (!/stream not found/i.test(e.message)) throw e;
        }
      }
      return all;
    };
    const unpublished = async () => {
      const out = {};
      for (const s of outboxSchemas) out[s] = Number((await q(`SELECT count(*)::int AS n FROM "${s}".outbox WHERE published_at IS NULL`))[0].n);
      return out;
    };
    const queuedNotifications = async () => (has('delivery.notifications') ? Number((await q(`SELECT count(*)::int AS n FROM delivery.notifications WHERE status = 'QUEUED'`))[0].n) : 0);
    const started = Date.now();
    let state;
    for (;;) {
      const [ob, cs, queued] = await Promise.all([unpublished(), consumers(), queuedNotifications()]);
      const busy = cs.filter((c) => c.pending > 0 || c.ackPending > 0);
      state = { ob, cs, busy, queued, quiet: Object.values(ob).every((n) => n === 0) && busy.length === 0 && queued === 0 };
      if (state.quiet || Date.now() - started > waitMs) break;
      await sleep(500);
    }
    const quiescence = { quiet: state.quiet, afterMs: Date.now() - started };
    log(state.quiet ? `quiescent after ${(quiescence.afterMs / 1000).toFixed(1)} s` : `NOT quiescent after ${(waitMs / 1000).toFixed(0)} s: checking anyway`);

    // ---- the intended ends
    const cases = has('intake.cases') ? await q(`SELECT case_no, status, request_id, item_code, pending_materials FROM intake.cases`) : [];
    const caseByNo = new Map(cases.map((c) => [c.case_no, c]));
    const workflows = has('routing.workflows') ? new Map((await q(`SELECT case_no, status, item_code FROM routing.workflows`)).map((w) => [w.case_no, w])) : new Map();
    if (expect) {
      const expected = expect.cases ?? [];
      const byCase = (rows) => {
        const m = new Map();
        for (const r of rows) (m.get(r.case_no) ?? m.set(r.case_no, []).get(r.case_no)).push(r);
        return m;
      };
      const tasks = byCase(await q(`SELECT case_no, department, stage, status FROM approval.review_tasks`));
      const notices = byCase(await q(`SELECT case_no, notice_no, status, total_fen::int, paid_fen::int, refunded_fen::int FROM fees.payment_notices`));
      const payments = byCase(await q(`SELECT n.case_no, p.applied, p.amount_fen::int FROM fees.payments p JOIN fees.payment_notices n USING (notice_no)`));
      const refunds = byCase(await q(`SELECT case_no, amount_fen::int FROM fees.refunds`));
      const deliveries = byCase(await q(`SELECT case_no, method, status FROM delivery.deliveries`));
      const certs = byCase(await q(`SELECT case_no FROM delivery.certificates`));
      const letters = byCase(has('delivery.decision_letters') ? await q(`SELECT case_no FROM delivery.decision_letters`) : []);
      const supplements = byCase(await q(`SELECT case_no FROM intake.supplements`));
      const firsts = byCase(await q(`SELECT case_no, type, min(at) AS at FROM routing.timeline GROUP BY case_no, type`));
      const missed = [];
      let matched = 0;
      for (const e of expected) {
        const why = [];
        const c = caseByNo.get(e.caseNo);
        const end = e.end;
        if (!e.caseNo) why.push('the driver never learnt its case number');
        else if (!c) why.push('no such case in intake');
        else {
          const w = workflows.get(e.caseNo);
          if ((w?.status ?? '-') !== end.status) why.push(`status ${w?.status ?? 'no workflow'}, intended ${end.status}`);
          if (end.intakeStatus && c.status !== end.intakeStatus) why.push(`intake status ${c.status}, intended ${end.intakeStatus}`);
          if ((c.pending_materials ?? []).length) why.push(`materials still pending: ${JSON.stringify(c.pending_materials)}`);
          const latest = {};
          for (const t of (tasks.get(e.caseNo) ?? []).sort((a, b) => a.stage - b.stage)) latest[t.department] = t.status;
          const want = end.tasks ?? {};
          if (JSON.stringify(Object.entries(latest).sort()) !== JSON.stringify(Object.entries(want).sort())) why.push(`tasks ${JSON.stringify(latest)}, intended ${JSON.stringify(want)}`);
          const ns = notices.get(e.caseNo) ?? [];
          const live = ns.filter((n) => n.status !== 'VOID');
          if (end.notice === null && ns.length) why.push(`${ns.length} payment notice(s), intended none`);
          if (end.notice) {
            if (live.length !== 1) why.push(`${live.length} live payment notices, intended 1`);
            else {
              const n = live[0];
              const got = { status: n.status, totalFen: n.total_fen, paidFen: n.paid_fen, refundedFen: n.refunded_fen };
              if (JSON.stringify(got) !== JSON.stringify(end.notice)) why.push(`notice ${n.notice_no} ${JSON.stringify(got)}, intended ${JSON.stringify(end.notice)}`);
            }
          }
          const ps = payments.get(e.caseNo) ?? [];
          const pay = { applied: ps.filter((p) => p.applied).length, unapplied: ps.filter((p) => !p.applied).length };
          if (end.payments && JSON.stringify(pay) !== JSON.stringify(end.payments)) why.push(`payments ${JSON.stringify(pay)}, intended ${JSON.stringify(end.payments)}`);
          const rs = refunds.get(e.caseNo) ?? [];
          if (end.refunds !== undefined && rs.length !== end.refunds) why.push(`${rs.length} refunds (${rs.map((r) => r.amount_fen).join('+') || 0} fen), intended ${end.refunds}`);
          const ds = deliveries.get(e.caseNo) ?? [];
          if (end.delivery === null && ds.length) why.push(`${ds.length} deliveries, intended none`);
          if (end.delivery && end.delivery !== 'any') {
            if (ds.length !== 1) why.push(`${ds.length} deliveries, intended 1`);
            else if (Object.entries(end.delivery).some(([k, v]) => ds[0][k] !== v)) why.push(`delivery ${ds[0].method} ${ds[0].status}, intended ${JSON.stringify(end.delivery)}`);
          }
          const nc2 = (certs.get(e.caseNo) ?? []).length;
          const [cmin, cmax] = Array.isArray(end.certificates) ? end.certificates : [end.certificates, end.certificates];
          if (end.certificates !== undefined && (nc2 < cmin || nc2 > cmax)) why.push(`${nc2} certificates, intended ${cmin === cmax ? cmin : `${cmin}–${cmax}`}`);
          const nl = (letters.get(e.caseNo) ?? []).length;
          if (end.decisionLetters !== undefined && nl !== end.decisionLetters) why.push(`${nl} decision letters, intended ${end.decisionLetters}`);
          const nsup = (supplements.get(e.caseNo) ?? []).length;
          if (end.supplements !== undefined && nsup !== end.supplements) why.push(`${nsup} supplements recorded, intended ${end.supplements}`);
          if (end.supplementBefore) {
            const f = Object.fromEntries((firsts.get(e.caseNo) ?? []).map((r) => [r.type, r.at]));
            const s = f['intake.case.supplemented.v1'];
            const later = f[end.supplementBefore];
            if (!s || !later || s > later) why.push(`timeline: intake.case.supplemented.v1 at ${s?.toISOString?.() ?? 'missing'}, ${end.supplementBefore} at ${later?.toISOString?.() ?? 'missing'}: the supplement must come first`);
          }
        }
        if (why.length) missed.push({ caseNo: e.caseNo, script: e.script, lifecycle: e.lifecycle, why: why.join('; ') });
        else matched++;
      }
      add('every accepted case reached the end its script intended', missed.length === 0, `${matched}/${expected.length} cases as intended${examples(missed, (m) => `#${m.lifecycle} ${m.caseNo} (${m.script}): ${m.why}`)}`);

      // One case per acceptance request; with --only-expected, no case the driver did not make.
      const byRequest = new Map();
      for (const c of cases) if (c.request_id) byRequest.set(c.request_id, (byRequest.get(c.request_id) ?? 0) + 1);
      const requests = [...expected.map((e) => e.requestId), ...(expect.unanswered ?? []).map((u) => u.requestId)].filter(Boolean);
      const bad = requests.filter((r) => (byRequest.get(r) ?? 0) > 1);
      const lost = expected.filter((e) => e.requestId && e.caseNo && (byRequest.get(e.requestId) ?? 0) === 0);
      const wrongCase = expected.filter((e) => e.caseNo && caseByNo.get(e.caseNo) && caseByNo.get(e.caseNo).request_id !== e.requestId);
      const known = new Set(expected.map((e) => e.caseNo));
      const unexplained = onlyExpected ? cases.filter((c) => !known.has(c.case_no) && !(expect.unanswered ?? []).some((u) => u.requestId === c.request_id)) : [];
      const ok = bad.length + lost.length + wrongCase.length + unexplained.length === 0;
      add(
        'one case per acceptance request, none lost, none doubled',
        ok,
        `${requests.length} requests, ${cases.length} cases in intake${onlyExpected ? '' : ' (others allowed)'}; doubled ${bad.length}, lost ${lost.length}, answered with another request's case ${wrongCase.length}, unexplained ${unexplained.length}` +
          examples([...bad.map((r) => `request ${r} made ${byRequest.get(r)} cases`), ...lost.map((e) => `request ${e.requestId} (${e.caseNo}) has no case`), ...wrongCase.map((e) => `${e.caseNo} belongs to ${caseByNo.get(e.caseNo).request_id}`), ...unexplained.map((c) => `case ${c.case_no} (${c.item_code}, request ${c.request_id}) made by no lifecycle`)], (x) => x),
      );
    }

    // ---- stuck cases: not final, and nothing anyone is waiting for
    if (has('routing.workflows', 'approval.review_tasks', 'fees.payment_notices', 'delivery.deliveries', 'intake.cases')) {
      const stuck = await q(`
        SELECT w.case_no, w.status, w.item_code, w.updated_at FROM routing.workflows w
         WHERE w.status <> ALL($1)
           AND NOT EXISTS (SELECT 1 FROM approval.review_tasks t WHERE t.case_no = w.case_no AND t.status IN ('OPEN', 'PAUSED', 'SUPPLEMENT_REQUESTED'))
           AND NOT EXISTS (SELECT 1 FROM routing.suspensions s WHERE s.case_no = w.case_no AND s.ended_at IS NULL)
           AND NOT EXISTS (SELECT 1 FROM fees.payment_notices n WHERE n.case_no = w.case_no AND n.status = 'UNPAID')
           AND NOT EXISTS (SELECT 1 FROM delivery.deliveries d WHERE d.case_no = w.case_no AND d.status IN ('READY', 'DISPATCHED', 'RETURNED_TO_WINDOW'))
           AND NOT EXISTS (SELECT 1 FROM intake.cases c WHERE c.case_no = w.case_no AND c.pending_materials <> '[]'::jsonb)
         ORDER BY w.updated_at`,
        [FINAL],
      );
      const open = Number((await q(`SELECT count(*)::int AS n FROM routing.workflows WHERE status <> ALL($1)`, [FINAL]))[0].n);
      add('no case stuck in a non-final status with nothing pending', stuck.length === 0, `${workflows.size} workflows, ${open} not final, ${stuck.length} stuck${examples(stuck, (s) => `${s.case_no} ${s.item_code} ${s.status} since ${s.updated_at.toISOString()}`)}`);
    } else skip('no case stuck in a non-final status with nothing pending', 'a schema is missing');

    // ---- nothing twice
    const dup = async (name, sql, describe, total) => {
      const rows = await q(sql);
      add(name, rows.length === 0, `${total !== undefined ? `${total} checked, ` : ''}${rows.length} duplicated${examples(rows, describe)}`);
    };
    const count = async (sql) => Number((await q(sql))[0].n);
    await dup(
      'one review task per case+stage+department',
      `SELECT case_no, stage, department, count(*)::int AS n FROM approval.review_tasks GROUP BY 1, 2, 3 HAVING count(*) > 1`,
      (r) => `${r.case_no} stage ${r.stage} ${r.department} ×${r.n}`,
      await count(`SELECT count(*)::int AS n FROM approval.review_tasks`),
    );
    {
      const twoLive = await q(`SELECT case_no, count(*)::int AS n FROM fees.payment_notices WHERE status <> 'VOID' GROUP BY 1 HAVING count(*) > 1`);
      const twoApplied = await q(`SELECT notice_no, count(*)::int AS n, sum(amount_fen)::int AS fen FROM fees.payments WHERE applied GROUP BY 1 HAVING count(*) > 1`);
      const books = await q(`SELECT n.notice_no, n.case_no, n.paid_fen::int AS paid, coalesce(p.fen, 0)::int AS applied FROM fees.payment_notices n
                               LEFT JOIN (SELECT notice_no, sum(amount_fen) AS fen FROM fees.payments WHERE applied GROUP BY 1) p USING (notice_no)
                              WHERE n.paid_fen <> coalesce(p.fen, 0)`);
      const counts = (await q(`SELECT count(*)::int AS n, count(*) FILTER (WHERE applied)::int AS a FROM fees.payments`))[0];
      add(
        'one live notice per case, one applied payment per notice (double payments kept unapplied)',
        twoLive.length + twoApplied.length + books.length === 0,
        `${counts.n} payments (${counts.a} applied, ${counts.n - counts.a} recorded as double payments); cases with two live notices ${twoLive.length}, notices paid twice ${twoApplied.length}, paid_fen ≠ applied payments ${books.length}` +
          examples([...twoLive.map((r) => `case ${r.case_no}: ${r.n} live notices`), ...twoApplied.map((r) => `notice ${r.notice_no}: ${r.n} applied payments, ${r.fen} fen`), ...books.map((r) => `notice ${r.notice_no} (${r.case_no}) paid_fen ${r.paid}, applied payments ${r.applied}`)], (x) => x),
      );
    }
    {
      const rows = await q(`SELECT n.notice_no, n.case_no, n.refunded_fen::int AS refunded_fen, coalesce(r.fen, 0)::int AS refunds, coalesce(r.n, 0)::int AS count, coalesce(p.fen, 0)::int AS received
                              FROM fees.payment_notices n
                              LEFT JOIN (SELECT notice_no, sum(amount_fen) AS fen, count(*) AS n FROM fees.refunds GROUP BY 1) r USING (notice_no)
                              LEFT JOIN (SELECT notice_no, sum(amount_fen) AS fen FROM fees.payments GROUP BY 1) p USING (notice_no)
                             WHERE coalesce(r.fen, 0) > coalesce(p.fen, 0) OR n.refunded_fen <> coalesce(r.fen, 0)`);
      const total = (await q(`SELECT count(*)::int AS n, coalesce(sum(amount_fen), 0)::int AS fen FROM fees.refunds`))[0];
      add(
        'no refund twice: refunds never exceed what was received, and match the notice',
        rows.length === 0,
        `${total.n} refunds (${total.fen} fen); notices refunded beyond what they received or out of step ${rows.length}${examples(rows, (r) => `${r.notice_no} (${r.case_no}): received ${r.received}, refunds ${r.count} = ${r.refunds}, refunded_fen ${r.refunded_fen}`)}`,
      );
    }
    {
      const twice = await q(`SELECT case_no, result_index, count(*)::int AS n FROM delivery.certificates WHERE result_index IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1`);
      const many = await q(`SELECT c.case_no, count(*)::int AS n, jsonb_array_length(p.results) AS results FROM delivery.certificates c JOIN delivery.case_profiles p USING (case_no)
                             GROUP BY c.case_no, p.results HAVING count(*) > jsonb_array_length(p.results)`);
      const total = await count(`SELECT count(*)::int AS n FROM delivery.certificates`);
      add(
        'one certificate per case+result',
        twice.length + many.length === 0,
        `${total} certificates; results issued twice ${twice.length}, cases with more certificates than results ${many.length}${examples([...twice.map((r) => `${r.case_no} result ${r.result_index} ×${r.n}`), ...many.map((r) => `${r.case_no}: ${r.n} certificates for ${r.results} results`)], (x) => x)}`,
      );
    }
    if (has('delivery.notifications')) {
      const perCause = await q(`SELECT cause_event_id, template, count(*)::int AS n FROM delivery.notifications GROUP BY 1, 2 HAVING count(*) > 1`);
      const perCase = await q(`SELECT case_no, template, count(*)::int AS n FROM delivery.notifications WHERE template = ANY($1) GROUP BY 1, 2 HAVING count(*) > 1`, [ONCE_TEMPLATES]);
      const total = await count(`SELECT count(*)::int AS n FROM delivery.notifications`);
      add(
        'one notification per cause event+template (and once per case for acceptance, outcome, delivered)',
        perCause.length + perCase.length === 0,
        `${total} notifications; per cause twice ${perCause.length}, per case twice ${perCase.length}${examples([...perCause.map((r) => `event ${r.cause_event_id} ${r.template} ×${r.n}`), ...perCase.map((r) => `${r.case_no} ${r.template} ×${r.n}`)], (x) => x)}`,
      );
      const unsent = await q(`SELECT case_no, template, status, attempts, last_error FROM delivery.notifications WHERE status <> 'SENT' ORDER BY created_at`);
      add('every notification sent (none queued or failed)', unsent.length === 0, `${total} notifications, ${unsent.length} not sent${examples(unsent, (r) => `${r.case_no} ${r.template} ${r.status} after ${r.attempts} attempts${r.last_error ? `: ${r.last_error}` : ''}`)}`);
    } else skip('one notification per cause event+template', 'no delivery.notifications table');
    {
      const twice = await q(`SELECT case_no, count(*)::int AS n FROM delivery.deliveries GROUP BY 1 HAVING count(*) > 1`);
      const letters = has('delivery.decision_letters') ? await q(`SELECT case_no, count(*)::int AS n FROM delivery.decision_letters GROUP BY 1 HAVING count(*) > 1`) : [];
      const total = await count(`SELECT count(*)::int AS n FROM delivery.deliveries`);
      add('one delivery (and one decision letter) per case', twice.length + letters.length === 0, `${total} deliveries; cases with two ${twice.length}, with two decision letters ${letters.length}${examples([...twice, ...letters], (r) => `${r.case_no} ×${r.n}`)}`);
    }
    {
      const rows = [];
      for (const s of outboxSchemas) {
        rows.push(
          ...(await q(
            `SELECT '${s}' AS schema, case_no, type, count(*)::int AS n FROM "${s}".outbox WHERE type = ANY($1) GROUP BY 1, 2, 3 HAVING count(*) > 1
             UNION ALL
             SELECT '${s}', case_no, type || ' stage ' || (envelope->'data'->>'stage'), count(*)::int FROM "${s}".outbox WHERE type = 'routing.stage.opened.v1' GROUP BY 1, 2, 3 HAVING count(*) > 1`,
            [ONCE_PER_CASE],
          )),
        );
      }
      const tl = has('routing.timeline') ? await q(`SELECT 'timeline' AS schema, case_no, type, count(*)::int AS n FROM routing.timeline WHERE type = ANY($1) GROUP BY 1, 2, 3 HAVING count(*) > 1`, [ONCE_PER_CASE]) : [];
      add('once-in-a-case events emitted once (acceptance, approval, rejection, withdrawal, settlement, issue, delivered, each stage opened)', rows.length + tl.length === 0, `${rows.length + tl.length} found twice${examples([...rows, ...tl], (r) => `${r.schema}: ${r.case_no} ${r.type} ×${r.n}`)}`);
    }

    // ---- the messaging is drained
    {
      const ob = state.ob;
      const total = {};
      for (const s of outboxSchemas) total[s] = Number((await q(`SELECT count(*)::int AS n FROM "${s}".outbox`))[0].n);
      const left = Object.entries(ob).filter(([, n]) => n > 0);
      const oldest = left.length ? await q(left.map(([s]) => `(SELECT '${s}' AS schema, id, type, case_no, created_at FROM "${s}".outbox WHERE published_at IS NULL ORDER BY seq LIMIT 3)`).join(' UNION ALL ')) : [];
      add('every outbox row in every schema is published', left.length === 0, `${outboxSchemas.map((s) => `${s} ${total[s] - (ob[s] ?? 0)}/${total[s]}`).join(', ')} published${examples(oldest, (r) => `${r.schema} ${r.type} ${r.case_no} (${r.id}) since ${r.created_at.toISOString()}`)}`);
    }
    add(
      'no consumer stuck (num_pending 0 and num_ack_pending 0 after quiescence)',
      state.busy.length === 0 && state.cs.length > 0,
      `${state.cs.length} durable consumers on ${PRODUCERS.length} streams of namespace ${namespace}; ${state.busy.length} with work left${state.cs.length === 0 ? ' (no consumers at all: wrong namespace?)' : ''}` +
        examples(state.busy, (c) => `${c.name} on ${c.stream}: pending ${c.pending}, unacknowledged ${c.ackPending}, redelivered ${c.redelivered}`),
    );
    {
      const letters = await deadLetters(jsm, namespace);
      const expected = expect?.expectedDeadLetters ?? [];
      const explained = (l) => expected.some((x) => Object.entries(x).every(([k, v]) => l[k] === v));
      const unexplained = letters.filter((l) => !explained(l));
      add(
        'the dead-letter stream holds nothing unexplained',
        unexplained.length === 0,
        `${letters.length} dead letter(s) in ${dlqStream(namespace)}, ${letters.length - unexplained.length} expected${examples(unexplained, (l) => `#${l.seq} ${l.consumer} ${l.eventType} case ${l.caseNo} after ${l.deliveries} deliveries: ${l.reason}`)}`,
      );
    }

    // ---- the timelines
    if (has('routing.timeline')) {
      const dupIds = await q(`SELECT event_id, count(*)::int AS n FROM routing.timeline GROUP BY 1 HAVING count(*) > 1`);
      const skew = `${Math.max(0, skewMs)} milliseconds`;
      const notFirst = await q(
        `SELECT case_no, min(at) FILTER (WHERE type = 'intake.case.accepted.v1') AS accepted, min(at) AS first,
                (array_agg(type ORDER BY at, event_id))[1] AS first_type
           FROM routing.timeline GROUP BY case_no
         HAVING min(at) FILTER (WHERE type = 'intake.case.accepted.v1') IS NULL
             OR min(at) FILTER (WHERE type = 'intake.case.accepted.v1') > min(at) + $1::interval`,
        [skew],
      );
      const reversed = [];
      for (const [cause, effect] of CAUSAL) {
        const rows = await q(
          `SELECT case_no, min(at) FILTER (WHERE type = $1) AS cause, min(at) FILTER (WHERE type = $2) AS effect FROM routing.timeline
            WHERE type IN ($1, $2) GROUP BY case_no
           HAVING min(at) FILTER (WHERE type = $2) + $3::interval < min(at) FILTER (WHERE type = $1)`,
          [cause, effect, skew],
        );
        for (const r of rows) reversed.push({ ...r, causeType: cause, effectType: effect });
      }
      const entries = await count(`SELECT count(*)::int AS n FROM routing.timeline`);
      const timelines = await count(`SELECT count(DISTINCT case_no)::int AS n FROM routing.timeline`);
      add(
        'every case timeline in order (no event twice, acceptance first, causes before effects)',
        dupIds.length + notFirst.length + reversed.length === 0,
        `${timelines} timelines, ${entries} entries; event ids twice ${dupIds.length}, acceptance not first ${notFirst.length}, effect before its cause ${reversed.length}` +
          examples(
            [
              ...dupIds.map((r) => `event ${r.event_id} ×${r.n}`),
              ...notFirst.map((r) => `${r.case_no}: ${r.accepted ? `accepted ${r.accepted.toISOString()} after ${r.first_type} ${r.first.toISOString()}` : 'no acceptance entry'}`),
              ...reversed.map((r) => `${r.case_no}: ${r.effectType} ${r.effect.toISOString()} before ${r.causeType} ${r.cause.toISOString()}`),
            ],
            (x) => x,
          ),
      );
      // Timeline types are those routing puts on timelines (seen on at least one): an event of such a type missing from
      // its case's timeline was lost on the way. Types never on any timeline are internal (listed, not failed).
      const timelineTypes = new Set((await q(`SELECT DISTINCT type FROM routing.timeline`)).map((r) => r.type));
      const missing = [];
      const internal = {};
      let checked = 0;
      for (const s of outboxSchemas) {
        for (const r of await q(`SELECT '${s}' AS schema, o.id, o.type, o.case_no FROM "${s}".outbox o WHERE NOT EXISTS (SELECT 1 FROM routing.timeline t WHERE t.event_id = o.id) ORDER BY o.seq`)) {
          if (timelineTypes.has(r.type)) missing.push(r);
          else internal[r.type] = (internal[r.type] ?? 0) + 1;
        }
        checked += await count(`SELECT count(*)::int AS n FROM "${s}".outbox`);
      }
      const off = Object.entries(internal).map(([t, n]) => `${t} ${n}`).join(', ');
      add(
        'every case event is on its case timeline (outbox → timeline)',
        missing.length === 0,
        `${checked} outbox events of ${timelineTypes.size} timeline types, ${missing.length} not on their timeline${off ? ` (types no timeline shows, not counted: ${off})` : ''}${examples(missing, (r) => `${r.schema} ${r.type} ${r.case_no} (${r.id})`)}`,
      );
    } else skip('every case timeline in order', 'no routing.timeline table');

    // ---- across services
    {
      const orphans = await q(`SELECT c.case_no, c.item_code, c.accepted_at FROM intake.cases c WHERE NOT EXISTS (SELECT 1 FROM routing.workflows w WHERE w.case_no = c.case_no) ORDER BY c.accepted_at`);
      add('every accepted intake case has a routing workflow', orphans.length === 0, `${cases.length} intake cases, ${workflows.size} workflows, ${orphans.length} without one${examples(orphans, (r) => `${r.case_no} ${r.item_code} accepted ${r.accepted_at.toISOString()}`)}`);
    }
    {
      const rows = await q(`
        SELECT w.case_no, w.status AS routing, c.status AS intake,
               (SELECT string_agg(t.department || ':' || t.status, ',') FROM approval.review_tasks t WHERE t.case_no = w.case_no AND t.status IN ('OPEN', 'PAUSED', 'SUPPLEMENT_REQUESTED')) AS open_tasks,
               (SELECT string_agg(n.notice_no || ':' || n.status, ',') FROM fees.payment_notices n WHERE n.case_no = w.case_no AND n.status <> 'VOID') AS notices,
               (SELECT string_agg(d.status, ',') FROM delivery.deliveries d WHERE d.case_no = w.case_no) AS deliveries
          FROM routing.workflows w JOIN intake.cases c USING (case_no)`);
      const bad = [];
      for (const r of rows) {
        const why = [];
        const ds = r.deliveries ? r.deliveries.split(',') : [];
        const ns = r.notices ? r.notices.split(',').map((x) => x.split(':')[1]) : [];
        // Intake keeps its own view of how a case ended (REJECTED, WITHDRAWN, DELIVERED): it must be routing's.
        if ((FINAL.includes(r.routing) || FINAL.includes(r.intake)) && r.routing !== r.intake) why.push(`routing ${r.routing}, intake ${r.intake}`);
        if (['REJECTED', 'WITHDRAWN'].includes(r.routing) && r.open_tasks) why.push(`${r.routing} with tasks still open: ${r.open_tasks}`);
        if (r.routing === 'WITHDRAWN' && ns.some((s) => s === 'UNPAID' || s === 'PAID')) why.push(`WITHDRAWN with notice ${r.notices} (should be voided or owed back)`);
        if (r.routing === 'WITHDRAWN' && ds.some((s) => ['READY', 'DISPATCHED', 'RETURNED_TO_WINDOW'].includes(s))) why.push(`WITHDRAWN with a delivery ${r.deliveries}`);
        if (r.routing === 'DELIVERED' && !ds.includes('DELIVERED')) why.push(`DELIVERED with deliveries ${r.deliveries ?? 'none'}`);
        if (r.routing === 'DELIVERED' && ns.some((s) => s !== 'PAID')) why.push(`DELIVERED with notice ${r.notices}`);
        if (why.length) bad.push({ caseNo: r.case_no, why: why.join('; ') });
      }
      add("the services agree on each case's end (intake, routing, approval, fees, delivery)", bad.length === 0, `${rows.length} cases compared, ${bad.length} disagreeing${examples(bad, (b) => `${b.caseNo}: ${b.why}`)}`);
    }
    return { ok: results.every((r) => r.ok), results, quiescence };
  } finally {
    await db.end().catch(() => undefined);
    await nc.close().catch(() => undefined);
  }
}

/** Every letter on the namespace's dead-letter stream, with its consumer, event and reason (the headers dead-letters.ts writes). */
async function deadLetters(jsm, namespace) {
  const stream = dlqStream(namespace);
  const info = await jsm.streams.info(stream).catch(() => undefined);
  if (!info || info.state.messages === 0) return [];
  const letters = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
    const m = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
    if (!m) continue;
    let event = {};
    try {
      event = m.json();
    } catch {
      /* unreadable: listed with what the headers say */
    }
    letters.push({
      seq,
      consumer: m.header.get('x-dlq-consumer'),
      reason: m.header.get('x-dlq-reason'),
      deliveries: Number(m.header.get('x-dlq-deliveries')),
      eventType: event.type ?? m.header.get('x-dlq-original-subject'),
      caseNo: event.caseNo,
      eventId: event.id,
    });
  }
  return letters;
}

export function printResults({ results }, out = console.log) {
  for (const r of results) out(`${r.skipped ? 'SKIP' : r.ok ? 'PASS' : 'FAIL'}  ${r.name} — ${r.detail}`);
}

async function main() {
  const args = process.argv.slice(2);
  const flag = (name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  if (args.includes('--help') || args.includes('-h')) {
    console.log('usage: npm run check:invariants -- [--namespace NS] [--expect FILE] [--only-expected] [--wait SECONDS] [--skew-ms MS]\n  env: DATABASE_URL, NATS_URL, NAMESPACE (or NATS_NAMESPACE)');
    return;
  }
  const databaseUrl = flag('database-url') ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/onewindow';
  const natsUrl = flag('nats-url') ?? process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
  const namespace = flag('namespace') ?? process.env.NAMESPACE ?? process.env.NATS_NAMESPACE ?? 'ow';
  const expectFile = flag('expect');
  const expect = expectFile ? JSON.parse(await readFile(expectFile, 'utf8')) : undefined;
  const waitMs = Number(flag('wait') ?? 60) * 1000;
  const skewMs = Number(flag('skew-ms') ?? 0);
  const safeUrl = databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  console.log(`checking ${safeUrl}, ${natsUrl}, namespace ${namespace}${expectFile ? `, expecting ${expectFile} (${expect.cases?.length ?? 0} cases)` : ''}`);
  const report = await checkInvariants({ databaseUrl, natsUrl, namespace, expect, onlyExpected: args.includes('--only-expected'), waitMs, skewMs, log: (l) => console.log(l) });
  printResults(report);
  const failed = report.results.filter((r) => !r.ok).length;
  console.log(failed ? `${failed} invariant(s) FAILED` : `all ${report.results.length} invariants hold`);
  process.exitCode = failed ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => {
    console.error(`check-invariants: ${e.message}`);
    process.exitCode = 2;
  });
}
