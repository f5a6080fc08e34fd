// --preload N: N finished (DELIVERED) cases in the bench database before the run, so the figures show what a
// database holding years of cases does to a lifecycle.
//
// Each seeded case is a copy of a real finished case: the warm-up's RE-TRANSFER and ENT-START cases (the
// templates), made by the six services themselves through the API, so every row is one a service wrote. The copy
// is done in SQL, one INSERT … SELECT per table and batch, joining the template's rows with a map of new cases
// (generate_series): every table with a case_no that holds rows of a template, plus fees.payments (by notice).
// What changes in a copy:
//   - case_no: a real number of an earlier day (region + date + daily sequence + MOD 11-2 check character), from
//     yesterday (Asia/Shanghai) backwards at CASES_PER_DAY a day, so no seeded number can meet one the bench makes;
//     the days' intake.case_number_counters rows are written too;
//   - every timestamp moves by (the new case's acceptance − the template's), dates likewise: the copy happened on
//     its day, in the template's rhythm;
//   - every uuid becomes one that starts with the copy's time like the services' UUIDv7s (see columnExpr; the same in
//     every table, so task ids, event ids and delivery ids still join); text keys without the case number in them (notice, certificate numbers) get "~<copy>"; the template's
//     case number inside any text or jsonb value is replaced by the copy's;
//   - the hash-chained audit logs (routing.audit_log, gateway.audit_log) get the next numbers after the chain's head,
//     and the head moves past them, so the services append after the seeded rows as usual. Their hashes link (each
//     prev_hash is the previous row's hash) but are not SHA-256 of the rows' canonical content (that is computed in
//     JavaScript, row after row): an audit verification over the seeded range stops at its first row.
// Tables with a retention are seeded only as far back as they keep rows: the outbox 7 days
// (OUTBOX_RETENTION_DAYS), the inbox 31 days (STREAM_MAX_AGE_DAYS + 1); gateway.idempotency_keys (24 h) are not
// seeded (their rows name no case).
// For speed: the session skips triggers and foreign-key checks (session_replication_role = replica; the copies
// are consistent by construction), does not wait for WAL flushes, and the tables' plain (non-constraint) indexes
// are dropped before and built again after (same definitions). Then VACUUM ANALYZE of every seeded table, and a
// CHECKPOINT so the seeding's dirty pages are not written out during the measured run.
import os from 'node:os';
import pg from 'pg';

export const CASES_PER_DAY = 1000;
const SCHEMAS = ['intake', 'routing', 'approval', 'fees', 'delivery', 'gateway'];
const RETENTION_DAYS = { outbox: 7, inbox: 31 };
/** Text keys that do not contain the case number: made unique per copy with a suffix. */
const SUFFIXED_TEXT = new Set(['request_id', 'notice_no', 'replaces', 'replaced_by', 'certificate_no', 'letter_no', 'refund_no', 'suspension_id']);
/** Text columns holding a uuid of another table (routing.task_clocks.task_id = approval.review_tasks.id). */
const UUID_TEXT = new Set(['routing.task_clocks.task_id']);
const CHAINED = { 'routing.audit_log': 'case-events', 'gateway.audit_log': 'requests' };

export async function preloadCases({ databaseUrl, templates, count, log, batch = 50000, parallel = Math.min(4, os.cpus().length) }) {
  const started = performance.now();
  const db = new pg.Client({ connectionString: databaseUrl, application_name: 'bench-preload' });
  await db.connect();
  const q = (sql, params) => db.query(sql, params);
  try {
    const superuser = (await q(`SELECT current_setting('is_superuser') = 'on' AS s`)).rows[0].s;
    await q(`SET synchronous_commit = off`);
    await q(`SET maintenance_work_mem = '1GB'`);
    await q(`SET work_mem = '256MB'`);
    if (superuser) await q(`SET session_replication_role = replica`);
    const tpl = Object.values(templates);
    await templatesAtRest(q, tpl, log);
    const tplInfo = (await q(`SELECT case_no, accepted_at FROM intake.cases WHERE case_no = ANY($1)`, [tpl])).rows;
    if (tplInfo.length !== tpl.length) throw new Error(`preload: template cases ${tpl.join(', ')} not all found in intake.cases`);

    // ---- the map of new cases ----
    await q(`CREATE OR REPLACE FUNCTION pg_temp.mod11_2(body text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE c WHEN 10 THEN 'X' ELSE c::text END FROM (
        SELECT (12 - sum(substr(body, i, 1)::int * (power(2, length(body) - i + 1)::bigint % 11)) % 11) % 11 AS c
          FROM generate_series(1, length(body)) i) s $$`);
    await q(`DROP TABLE IF EXISTS public.bench_preload_map`);
    await q(`CREATE UNLOGGED TABLE public.bench_preload_map (g int PRIMARY KEY, tpl text NOT NULL, case_no text NOT NULL, day date NOT NULL, seq int NOT NULL, shift interval NOT NULL, uprefix text NOT NULL)`);
    await q(
      `WITH t AS (SELECT row_number() OVER (ORDER BY case_no) - 1 AS k, case_no, accepted_at, left(case_no, 6) AS region FROM intake.cases WHERE case_no = ANY($1)),
            n AS (SELECT g, (g - 1) % (SELECT count(*) FROM t) AS k, ((now() AT TIME ZONE 'Asia/Shanghai')::date - 1 - ((g - 1) / $3)::int) AS day, ((g - 1) % $3 + 1)::int AS seq
                    FROM generate_series(1, $2::int) g)
       INSERT INTO public.bench_preload_map (g, tpl, case_no, day, seq, shift, uprefix)
       SELECT n.g, t.case_no, b.body || pg_temp.mod11_2(b.body), n.day, n.seq, s.shift,
              lpad(to_hex((extract(epoch FROM t.accepted_at + s.shift) * 1000)::bigint), 12, '0')
         FROM n JOIN t ON t.k = n.k
         CROSS JOIN LATERAL (SELECT t.region || to_char(n.day, 'YYYYMMDD') || lpad(n.seq::text, 6, '0') AS body) b
         CROSS JOIN LATERAL (SELECT ((n.day + time '09:00') AT TIME ZONE 'Asia/Shanghai') + (n.seq - 1) * (28800.0 / $3) * interval '1 second' - t.accepted_at AS shift) s`,
      [tpl, count, CASES_PER_DAY],
    );
    await q(`ANALYZE public.bench_preload_map`);
    const clash = (await q(`SELECT count(*)::int AS n FROM public.bench_preload_map m JOIN intake.cases c USING (case_no)`)).rows[0].n;
    if (clash) throw new Error(`preload: ${clash} seeded case numbers already exist`);
    const days = (await q(`SELECT min(day)::text AS first, max(day)::text AS last FROM public.bench_preload_map`)).rows[0];
    log(`preload: case numbers of ${days.first} … ${days.last} (${CASES_PER_DAY} a day), templates ${tpl.join(', ')}`);

    // ---- which tables, with which columns ----
    const cols = (await q(
      `SELECT c.table_schema || '.' || c.table_name AS t, c.column_name AS col, c.data_type AS type, c.is_generated = 'ALWAYS' AS generated,
              coalesce(c.column_default LIKE 'nextval(%', false) AS serial
         FROM information_schema.columns c JOIN information_schema.tables tb USING (table_schema, table_name)
        WHERE c.table_schema = ANY($1) AND tb.table_type = 'BASE TABLE' ORDER BY c.table_schema, c.table_name, c.ordinal_position`,
      [SCHEMAS],
    )).rows;
    const tables = new Map();
    for (const c of cols) (tables.get(c.t) ?? tables.set(c.t, []).get(c.t)).push(c);
    const plans = [];
    for (const [t, columns] of tables) {
      if (t.endsWith('.migrations')) continue;
      const [schema, name] = t.split('.');
      let from;
      let where = '';
      if (columns.some((c) => c.col === 'case_no')) from = `${t} x JOIN public.bench_preload_map m ON x.case_no = m.tpl`;
      else if (t === 'fees.payments') from = `fees.payments x JOIN fees.payment_notices n ON n.notice_no = x.notice_no JOIN public.bench_preload_map m ON n.case_no = m.tpl`;
      else if (name === 'inbox') {
        const outboxes = SCHEMAS.filter((s) => tables.has(`${s}.outbox`)).map((s) => `SELECT id, case_no FROM ${s}.outbox`).join(' UNION ALL ');
        from = `${t} x JOIN (${outboxes}) e ON e.id = x.event_id JOIN public.bench_preload_map m ON e.case_no = m.tpl`;
      } else continue;
      if (name === 'outbox' || name === 'inbox') where = `AND m.day >= (now() AT TIME ZONE 'Asia/Shanghai')::date - ${RETENTION_DAYS[name]}`;
      // Only published events: a copy of an unpublished one would be sent by the relay.
      if (name === 'outbox') where += ' AND x.published_at IS NOT NULL';
      const has = (await q(`SELECT count(*)::int AS n FROM ${from} WHERE m.g <= $1 ${where}`, [tpl.length])).rows[0].n;
      if (!has) continue;
      const target = [];
      const exprs = [];
      for (const c of columns) {
        if (c.generated || c.serial) continue;
        target.push(`"${c.col}"`);
        exprs.push(columnExpr(t, c));
      }
      plans.push({ t, schema, name, from, where, target, exprs, perCopy: has / tpl.length });
    }
    log(`preload: ${plans.length} tables: ${plans.map((p) => `${p.t} (${round(p.perCopy)}/case)`).join(', ')}`);

    // ---- plain indexes off while loading ----
    const seeded = plans.map((p) => p.t);
    const indexes = (await q(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
         FROM pg_index i
        WHERE i.indrelid = ANY($1::regclass[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
      [seeded],
    )).rows;
    for (const ix of indexes) await q(`DROP INDEX ${ix.name}`);

    // ---- copy: the tables shared out among a few connections, each a transaction per batch of cases ----
    const workers = await Promise.all(
      Array.from({ length: Math.max(1, Math.min(parallel, plans.length)) }, async () => {
        const c = new pg.Client({ connectionString: databaseUrl, application_name: 'bench-preload' });
        await c.connect();
        await c.query(`SET synchronous_commit = off`);
        await c.query(`SET maintenance_work_mem = '1GB'`);
        await c.query(`SET work_mem = '256MB'`);
        if (superuser) await c.query(`SET session_replication_role = replica`);
        return c;
      }),
    );
    const share = (items, weight) => {
      const buckets = workers.map(() => ({ load: 0, items: [] }));
      for (const it of [...items].sort((x, y) => weight(y) - weight(x))) {
        const b = buckets.reduce((m, x) => (x.load < m.load ? x : m));
        b.load += weight(it);
        b.items.push(it);
      }
      return buckets.map((b) => b.items);
    };
    const seedStarted = performance.now();
    let rows = 0;
    const expected = Math.round(plans.reduce((a, p) => a + p.perCopy * (RETENTION_DAYS[p.name] ? Math.min(count, (RETENTION_DAYS[p.name] + 1) * CASES_PER_DAY) : count), 0));
    const progress = setInterval(() => log(`preload: ${rows} of about ${expected} rows, ${round((performance.now() - seedStarted) / 1000)} s`), 15000);
    try {
      await Promise.all(
        share(plans, (p) => p.perCopy).map(async (mine, w) => {
          const wq = (sql, params) => workers[w].query(sql, params);
          for (let lo = 1; lo <= count; lo += batch) {
            const hi = Math.min(count, lo + batch - 1);
            await wq('BEGIN');
            for (const p of mine) {
              const n = await copyBatch(wq, p, lo, hi);
              rows += n;
            }
            await wq('COMMIT');
          }
        }),
      );
    } finally {
      clearInterval(progress);
    }
    // One counter row per seeded day, at the day's last number (as intake would have left it).
    await q(
      `INSERT INTO intake.case_number_counters (region, day, last_seq)
       SELECT left(case_no, 6), day, max(seq) FROM public.bench_preload_map GROUP BY 1, 2
       ON CONFLICT (region, day) DO UPDATE SET last_seq = greatest(intake.case_number_counters.last_seq, excluded.last_seq)`,
    );
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    log(`preload: ${rows} rows copied in ${round(seedSeconds)} s`);

    const indexStarted = performance.now();
    await Promise.all(share(indexes, () => 1).map((mine, w) => mine.reduce((p, ix) => p.then(() => workers[w].query(ix.def)), Promise.resolve())));
    const indexSeconds = (performance.now() - indexStarted) / 1000;
    log(`preload: ${indexes.length} indexes built again in ${round(indexSeconds)} s`);

    await q(`DROP TABLE public.bench_preload_map`);
    const analyzeStarted = performance.now();
    const weightOf = new Map(plans.map((p) => [p.t, p.perCopy]));
    await Promise.all(share(seeded, (t) => weightOf.get(t)).map((mine, w) => mine.reduce((p, t) => p.then(() => workers[w].query(`VACUUM (ANALYZE) ${t}`)), Promise.resolve())));
    await Promise.all(workers.map((c) => c.end().catch(() => undefined)));
    if (superuser) await q('CHECKPOINT');
    const analyzeSeconds = (performance.now() - analyzeStarted) / 1000;
    const sizes = (await q(
      `SELECT c.oid::regclass::text AS t, c.reltuples::bigint AS rows, pg_total_relation_size(c.oid) AS bytes FROM pg_class c WHERE c.oid = ANY($1::regclass[]) ORDER BY 3 DESC`,
      [seeded],
    )).rows;
    return {
      cases: count,
      casesPerDay: CASES_PER_DAY,
      days,
      templates,
      rows,
      seconds: round((performance.now() - started) / 1000),
      seedSeconds: round(seedSeconds),
      indexSeconds: round(indexSeconds),
      analyzeSeconds: round(analyzeSeconds),
      databaseBytes: Number((await q(`SELECT pg_database_size(current_database()) AS b`)).rows[0].b),
      tables: Object.fromEntries(sizes.map((s) => [s.t, { rows: Number(s.rows), mb: round(Number(s.bytes) / 2 ** 20) }])),
      indexesRebuilt: indexes.map((i) => i.name),
    };
  } catch (e) {
    await q('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await db.end().catch(() => undefined);
  }
}

/** Copies the batch lo..hi of cases into one table; answers the rows written. */
async function copyBatch(q, p, lo, hi) {
  if (!CHAINED[p.t]) {
    return (await q(`INSERT INTO ${p.t} (${p.target.join(', ')}) SELECT ${p.exprs.join(', ')} FROM ${p.from} WHERE m.g BETWEEN $1 AND $2 ${p.where}`, [lo, hi])).rowCount;
  }
  // Numbered after the head, which is held (FOR UPDATE) until this batch commits and then moved past them.
  const chain = CHAINED[p.t];
  const head = (await q(`SELECT seq::bigint AS seq, hash FROM ${p.schema}.audit_chain WHERE chain = $1 FOR UPDATE`, [chain])).rows[0];
  const n = 'row_number() OVER (ORDER BY m.g, x.id)';
  const placeholder = (k) => `encode(sha256(convert_to('bench-preload:' || (${k}), 'UTF8')), 'hex')`;
  const exprs = p.exprs.map((e, i) =>
    p.target[i] === '"id"'
      ? `${head.seq} + ${n}`
      : p.target[i] === '"prev_hash"'
        ? `CASE WHEN ${n} = 1 THEN '${head.hash}' ELSE ${placeholder(`${head.seq} + ${n} - 1`)} END`
        : p.target[i] === '"hash"'
          ? placeholder(`${head.seq} + ${n}`)
          : e,
  );
  const r = await q(`INSERT INTO ${p.t} (${p.target.join(', ')}) SELECT ${exprs.join(', ')} FROM ${p.from} WHERE m.g BETWEEN $1 AND $2 ${p.where}`, [lo, hi]);
  if (!r.rowCount) return 0;
  const last = Number(head.seq) + r.rowCount;
  await q(
    `UPDATE ${p.schema}.audit_chain SET seq = $2::bigint, hash = ${placeholder('$2::bigint')},
            prev_hash = CASE WHEN $3::int = 1 THEN hash ELSE ${placeholder('$2::bigint - 1')} END WHERE chain = $1`,
    [chain, last, r.rowCount],
  );
  return r.rowCount;
}

/**
 * Waits until the templates' events are all published, their notifications sent and their timelines complete
 * (unchanged for 2 s): a copy of a case still in motion would be a copy of half a case.
 */
async function templatesAtRest(q, tpl, log) {
  const deadline = Date.now() + 60000;
  let last = null;
  for (;;) {
    const { rows } = await q(
      `SELECT (SELECT count(*) FROM routing.timeline WHERE case_no = ANY($1))::int AS timeline,
              ${SCHEMAS.filter((s) => s !== 'gateway').map((s) => `(SELECT count(*) FROM ${s}.outbox WHERE case_no = ANY($1) AND published_at IS NULL)`).join(' + ')} AS unpublished,
              (SELECT count(*) FROM delivery.notifications WHERE case_no = ANY($1) AND status = 'QUEUED')::int AS queued`,
      [tpl],
    );
    const r = rows[0];
    if (Number(r.unpublished) === 0 && r.queued === 0 && last === r.timeline) return;
    if (Date.now() > deadline) throw new Error(`preload: the template cases did not come to rest in 60 s (${JSON.stringify(r)})`);
    last = Number(r.unpublished) === 0 && r.queued === 0 ? r.timeline : null;
    if (last === null) log('preload: waiting for the template cases to come to rest');
    await new Promise((res) => setTimeout(res, 2000));
  }
}

/** The copy's value of one column (see the head of the file). */
function columnExpr(table, c) {
  const col = `x."${c.col}"`;
  if (c.col === 'case_no') return 'm.case_no';
  // A copy's uuid: the copy's acceptance time in milliseconds (48 bits, as a UUIDv7 of libs/messaging newId starts)
  // and 80 bits of md5(uuid, copy). Deterministic, so one template id is the same copy id in every table (task ids,
  // event ids, delivery ids still join); time-ordered, so the seeded indexes have the shape the services' own ids
  // give them, and the copy is not a storm of random B-tree inserts.
  const v7 = (u) => `(m.uprefix || substr(md5(${u}::text || ':' || m.g), 13))::uuid`;
  if (UUID_TEXT.has(`${table}.${c.col}`)) return `${v7(col)}::text`;
  switch (c.type) {
    case 'uuid':
      return v7(col);
    case 'timestamp with time zone':
      return `${col} + m.shift`;
    case 'date':
      return `(${col} + m.shift)::date`;
    case 'jsonb':
      return `replace(${col}::text, m.tpl, m.case_no)::jsonb`;
    case 'text':
      return SUFFIXED_TEXT.has(c.col) ? `${col} || '~' || m.g` : `replace(${col}, m.tpl, m.case_no)`;
    default:
      return col;
  }
}

const round = (v) => Math.round(v * 10) / 10;
