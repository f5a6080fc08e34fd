// The compact table printed at the end of a run (the JSON holds everything, this the part one reads).
const f = (v, d = 1) => (v === null || v === undefined ? '—' : typeof v === 'number' ? v.toFixed(d) : String(v));
const pad = (s, n) => String(s).padStart(n);

export function printReport(r) {
  const out = [];
  const L = r.lifecycles;
  const m = r.machine;
  const mix = r.flags.mix ? Object.entries(r.flags.mix).map(([k, v]) => `${k} ${Math.round(v * 100)}%`).join(' + ') : 'RE-TRANSFER';
  out.push('');
  out.push(`${mix} · n ${r.flags.n} · c ${r.flags.c} · poll ${r.flags.poll} ms${r.flags.rate ? ` · rate ${r.flags.rate}/s` : ''}${r.preload ? ` · preload ${r.preload.cases}` : ''} · ${r.mode}`);
  out.push(`${m.cores} cores (${m.cpuModel}), ${m.platform}, node ${m.node}, PostgreSQL ${m.postgres?.version ?? '?'}, NATS ${m.nats?.version ?? '?'}, git ${m.gitSha}${m.gitDirty ? '+changes' : ''}, load ${m.loadAverage.join(' ')}`);
  out.push('');
  out.push(`throughput   ${f(L.perSecond, 2)} lifecycles/s   ${L.completed} completed, ${L.failed} failed, ${f(L.seconds)} s` + (Object.keys(L.byKind).length > 1 ? `   (${Object.entries(L.byKind).map(([k, v]) => `${k} ${v.completed}/${v.failed} failed`).join(', ')})` : ''));
  out.push('');
  out.push(`latency, ms                                   ${pad('p50', 8)} ${pad('p95', 8)} ${pad('p99', 8)} ${pad('n', 6)}`);
  const row = (name, s) => s && out.push(`  ${name.padEnd(44)}${pad(f(s.p50), 8)} ${pad(f(s.p95), 8)} ${pad(f(s.p99), 8)} ${pad(s.n, 6)}`);
  row('acceptance (client, in lifecycles)', r.latency.acceptanceClientMs);
  if (r.openLoop) row(`acceptance, open loop at ${r.openLoop.offeredPerSecond}/s (client)`, r.openLoop.latencyMs);
  const s = r.latency.server;
  if (s) {
    row('accepted → first-stage tasks (server)', s.acceptedToFirstTasks);
    row('decision → next step (server)', s.decisionToNext);
    for (const [k, v] of Object.entries(s.decisionToNextBy)) row(`  → ${k}`, v);
    row('accepted → delivered (server)', s.acceptedToDelivered);
  } else if (r.latency.timeline) {
    const t = r.latency.timeline.figures;
    row('accepted → stage opened (timeline, 1 s steps)', t.acceptedToFirstTasks);
    row('decision → notice/ready (timeline, 1 s steps)', t.decisionToNext);
    row('accepted → delivered (timeline, 1 s steps)', t.acceptedToDelivered);
  }
  row('accepted → delivered (client, incl. polling)', r.latency.acceptedToDeliveredClientMs);
  if (r.latency.timeline?.problems?.length) out.push(`  timeline check: ${r.latency.timeline.problems.length} problems, e.g. ${r.latency.timeline.problems[0]}`);

  const R = r.resources;
  out.push('');
  out.push(`per lifecycle (window ${f(R.window.seconds)} s${R.window.extraOpenLoopAcceptances ? `, incl. ${R.window.extraOpenLoopAcceptances} open-loop acceptances` : ''})   ${pad('gross', 9)} ${pad('net', 9)}`);
  const cost = (name, c, note = '') => out.push(`  ${name.padEnd(44)}${pad(f(c?.perLifecycle), 9)} ${pad(f(c?.netPerLifecycle), 9)}${note}`);
  cost('commits (pg_stat_database)', R.commits);
  cost(r.flags.statements === 'log' ? 'SQL statements (server log)' : 'SQL statements', R.statements, R.statements ? '' : '   (not counted: see --statements)');
  if (R.statementsClientSide) cost('SQL statements (client-side counter)', R.statementsClientSide);
  cost('JetStream messages', R.jetstreamMessages);
  cost('RPCs served', R.rpcs, R.rpcIncomplete ? '   (a /health did not answer)' : '');
  cost('events consumed', R.eventsConsumed);
  out.push(`  ${'HTTP requests (commands + reads)'.padEnd(44)}${pad(f(L.http.perLifecycle), 9)}           (polls ${f(L.http.pollsPerLifecycle)})`);
  out.push(`  CPU ms:`);
  const cpu = Object.entries(R.cpuMs).sort(([a], [b]) => order(a) - order(b));
  for (const [k, c] of cpu) cost(`    ${k}`, c);
  const total = cpu.filter(([k]) => !k.includes('other databases')).reduce((a, [, c]) => a + (c?.perLifecycle ?? 0), 0);
  out.push(`  ${'    all of the above but other databases'.padEnd(44)}${pad(f(total), 9)}`);
  if (R.statementTimes?.length) {
    out.push(`  SQL time by statement (client-side; top 5 of ${R.statementTimes.length} listed in the JSON)      calls/lc  mean ms`);
    for (const st of R.statementTimes.slice(0, 5)) out.push(`    ${st.statement.slice(0, 72).padEnd(72)} ${pad(f(st.perLifecycle, 2), 8)} ${pad(f(st.meanMs, 2), 8)}`);
  }
  if (R.idle) out.push(`  idle baseline over ${f(R.idle.seconds)} s: ${R.idle.commits ?? '—'} commits, ${R.idle.statements ?? '—'} statements, ${R.idle.rpcs ?? '—'} RPCs, ${R.idle.jetstreamMessages ?? '—'} messages`);

  if (r.floor) {
    out.push('');
    const p = r.floor.postgres;
    const n = r.floor.nats;
    out.push(`floor   PostgreSQL INSERT+COMMIT, ${r.flags.c} connections: ${p?.error ? `failed: ${p.error}` : `${f(p.commitsPerSecond, 0)}/s (p50 ${f(p.latencyMs.p50, 2)} ms, p99 ${f(p.latencyMs.p99, 2)} ms)`}`);
    out.push(`        NATS request/reply, ${r.flags.c} requesters: ${n?.error ? `failed: ${n.error}` : `${f(n.requestsPerSecond, 0)}/s (p50 ${f(n.latencyMs.p50, 2)} ms, p99 ${f(n.latencyMs.p99, 2)} ms)`}`);
    if (R.commits?.netPerLifecycle && p?.commitsPerSecond) out.push(`        → commits alone cap this machine at ${f(p.commitsPerSecond / R.commits.netPerLifecycle, 1)} lifecycles/s`);
  }
  if (r.openLoop) {
    const o = r.openLoop;
    out.push('');
    out.push(`open loop   offered ${o.offeredPerSecond}/s for ${f(o.seconds)} s: ${o.sent} sent, ${o.accepted} accepted (${f(o.acceptedPerSecond)}/s), errors ${JSON.stringify(o.errors)}, skipped ${o.skippedAtInFlightCap}, send lag p99 ${f(o.sendLagMs.p99)} ms`);
  }
  if (r.preload) out.push(`\npreload   ${r.preload.cases} finished cases (${r.preload.rows} rows) seeded in ${f(r.preload.seconds)} s`);
  if (L.failures.length) {
    out.push('');
    out.push('failures:');
    for (const g of L.failures.slice(0, 8)) out.push(`  ${pad(g.count, 5)} × ${g.kind} at "${g.step}": ${g.reason}${g.example ? ` (e.g. ${g.example})` : ''}`);
  }
  console.log(out.join('\n'));
}

const ORDER = ['six services (one process)', 'gateway', 'intake', 'routing', 'approval', 'fees', 'delivery', 'postgres: bench database backends', 'postgres: postmaster and helpers', "postgres: other databases' backends", 'nats-server', 'bench client'];
const order = (k) => (ORDER.includes(k) ? ORDER.indexOf(k) : 50);
