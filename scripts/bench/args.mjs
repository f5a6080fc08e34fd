// Flags of `npm run bench`. Numbers are validated here so that a typo stops the run before anything starts.
export const USAGE = `npm run bench -- [flags]
  --n N            lifecycles to drive (default 200)
  --c C            lifecycles in flight at once; also the connection count of the floor test (default 20)
  --poll MS        how often a lifecycle looks at its case while waiting for the back office (default 100)
  --mix [A:B]      RE-TRANSFER and ENT-START mixed, A:B (default 50:50 when given; without it RE-TRANSFER only)
  --rate R         offered (open-loop) acceptances per second alongside the lifecycles (default off)
  --preload N      seed N finished (DELIVERED) cases into the bench database first, then ANALYZE (own stack only)
  --single         run the six services in one Node process (scripts/bench/single-process.mjs)
  --json [FILE]    save the results; without FILE: bench/results/<date>-<git sha>-<label>.json
  --label NAME     label of the run (in the JSON and its file name; default: made from the flags)
  --statements K   how SQL statements are counted: client (node-pg counter preloaded into each service; default),
                   log (log_statement=all for the bench database, lines counted in the server log), off
  --floor S        seconds of each floor test (default 3; 0 skips them)
  --settle S       quiet seconds before each resource snapshot (default 11: PostgreSQL flushes idle backends' stats after 10 s)
  --timeout S      a lifecycle step that takes longer fails the lifecycle (default 60)
  --no-progress    no progress bar (also when stderr is not a terminal)
Environment: BENCH_URL (a running stack instead of an own one), DATABASE_URL (its database, for the server-side
figures), NATS_URL, NATS_NAMESPACE (its namespace, for the stream counts), BENCH_NOTIFY_FILE (its notification file,
for ENT-START pickup codes), BENCH_BASE_PORT (own stack's first port, default 23000).`;

export function parseArgs(argv) {
  const flags = {
    n: 200,
    c: 20,
    poll: 100,
    mix: null,
    rate: 0,
    preload: 0,
    single: false,
    json: null,
    label: null,
    statements: 'client',
    floor: 3,
    settle: 11,
    timeout: 60,
    progress: true,
  };
  const numeric = { n: [1, 1e7], c: [1, 500], poll: [1, 60000], rate: [0, 10000], preload: [0, 1e8], floor: [0, 600], settle: [0, 600], timeout: [1, 3600] };
  const peek = (i) => (i + 1 < argv.length && !argv[i + 1].startsWith('--') ? argv[i + 1] : undefined);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (!a.startsWith('--')) throw new Error(`unexpected argument "${a}"\n${USAGE}`);
    const name = a.slice(2);
    if (name in numeric) {
      const v = Number(peek(i));
      const [lo, hi] = numeric[name];
      if (!Number.isFinite(v) || v < lo || v > hi) throw new Error(`--${name} wants a number in ${lo}..${hi}, got "${argv[i + 1]}"`);
      flags[name] = v;
      i++;
    } else if (name === 'mix') {
      const v = peek(i);
      const [a1, b1] = (v ?? '50:50').split(':').map(Number);
      if (!(a1 >= 0 && b1 >= 0 && a1 + b1 > 0)) throw new Error(`--mix wants A:B (e.g. 50:50), got "${v}"`);
      flags.mix = { 'RE-TRANSFER': a1 / (a1 + b1), 'ENT-START': b1 / (a1 + b1) };
      if (v !== undefined) i++;
    } else if (name === 'json') {
      const v = peek(i);
      flags.json = v ?? true;
      if (v !== undefined) i++;
    } else if (name === 'label') {
      flags.label = peek(i);
      if (!flags.label || !/^[A-Za-z0-9._-]{1,60}$/.test(flags.label)) throw new Error('--label wants letters, digits, . _ - (at most 60)');
      i++;
    } else if (name === 'statements') {
      flags.statements = peek(i);
      if (!['client', 'log', 'off'].includes(flags.statements)) throw new Error('--statements wants client, log or off');
      i++;
    } else if (name === 'single') flags.single = true;
    else if (name === 'no-progress') flags.progress = false;
    else throw new Error(`unknown flag ${a}\n${USAGE}`);
  }
  flags.n = Math.floor(flags.n);
  flags.c = Math.floor(flags.c);
  flags.preload = Math.floor(flags.preload);
  return flags;
}

export function defaultLabel(f, external) {
  const parts = [external ? 'ext' : f.single ? 'single' : 'procs', `n${f.n}`, `c${f.c}`];
  if (f.mix) parts.push(`mix${Math.round(f.mix['RE-TRANSFER'] * 100)}`);
  if (f.rate) parts.push(`rate${f.rate}`);
  if (f.preload) parts.push(`pre${f.preload >= 1e6 ? `${f.preload / 1e6}M` : f.preload >= 1e3 ? `${f.preload / 1e3}k` : f.preload}`);
  return parts.join('-');
}
