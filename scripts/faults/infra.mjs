// The fault suite's own PostgreSQL cluster and NATS server, in a temporary directory, on ports of its own: it kills
// and restarts them, so it must never touch the machine's shared ones (127.0.0.1:5432 and :4222), which other runs use.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, createWriteStream, existsSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

export function answers(port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    const done = (ok) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

/** Where initdb/pg_ctl and nats-server are, or a sentence saying what is missing. */
export function findBinaries() {
  let pgBin = process.env.PG_BIN;
  if (!pgBin && existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    pgBin = versions.map((v) => `/usr/lib/postgresql/${v}/bin`).find((d) => existsSync(`${d}/initdb`) && existsSync(`${d}/pg_ctl`));
  }
  let nats = process.env.NATS_SERVER_BIN ?? ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'].find((p) => existsSync(p));
  if (!nats) nats = spawnSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' }).stdout.trim() || undefined;
  const missing = [];
  if (!pgBin || !existsSync(`${pgBin}/initdb`)) missing.push('the PostgreSQL server binaries initdb and pg_ctl (Debian: apt-get install postgresql; or set PG_BIN to their folder)');
  if (!nats || !existsSync(nats)) missing.push('nats-server (Debian: apt-get install nats-server; or set NATS_SERVER_BIN)');
  return { pgBin, nats, missing };
}

/**
 * A PostgreSQL cluster of its own (initdb in dir/pg, trust authentication, fsync and the rest at their defaults).
 * As root, every command runs as the postgres user (PostgreSQL refuses to run as root) and the folder is theirs.
 */
export function privatePostgres({ pgBin, dir, port, log }) {
  const data = path.join(dir, 'pg');
  const logFile = path.join(dir, 'postgres.log');
  const asRoot = process.getuid?.() === 0;
  let pgUid;
  let pgGid;
  if (asRoot) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (id.status !== 0) throw new Error('running as root, and there is no postgres user to run the private PostgreSQL as');
    pgUid = Number(id.stdout.trim());
    pgGid = Number(gid.stdout.trim());
    chownSync(dir, pgUid, pgGid);
  }
  const run = (bin, args) => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', `${pgBin}/${bin}`, ...args]] : [`${pgBin}/${bin}`, args];
    const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
    return r.stdout;
  };
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  const url = `postgres://postgres@127.0.0.1:${port}/onewindow`;
  return {
    url,
    port,
    logFile,
    async init() {
      run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-instructions']);
      run('pg_ctl', ['-D', data, '-l', logFile, '-o', opts, '-w', 'start']);
      log?.(`private PostgreSQL on 127.0.0.1:${port} (data ${data})`);
    },
    /** pg_ctl restart: `fast` (clients cut off, clean shutdown) or `immediate` (a crash: recovery from the WAL at start). */
    async restart(mode) {
      run('pg_ctl', ['-D', data, '-l', logFile, '-o', opts, '-m', mode, '-w', '-t', '120', 'restart']);
    },
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } catch {
        /* not running */
      }
    },
  };
}

/** A NATS server with JetStream of its own; restart() kills it (SIGKILL) and starts it again on the same store. */
export function privateNats({ bin, dir, port, log }) {
  const store = path.join(dir, 'nats');
  const out = createWriteStream(path.join(dir, 'nats.log'), { flags: 'a' });
  let child;
  const start = async () => {
    child = spawn(bin, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', store], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    // Up when JetStream answers (it recovers its streams from the store first).
    const until = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`nats-server exited with ${child.exitCode}; see ${path.join(dir, 'nats.log')}`);
      if (await answers(port)) {
        try {
          const nc = await connect({ servers: `nats://127.0.0.1:${port}`, reconnect: false, timeout: 1000 });
          try {
            await (await jetstreamManager(nc)).getAccountInfo();
            return;
          } finally {
            await nc.close();
          }
        } catch {
          /* JetStream not ready yet */
        }
      }
      if (Date.now() > until) throw new Error(`nats-server on ${port} did not come up; see ${path.join(dir, 'nats.log')}`);
      await sleep(100);
    }
  };
  const kill = async (signal = 'SIGKILL') => {
    if (!child || child.exitCode !== null || child.signalCode) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  };
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    async init() {
      await start();
      log?.(`private NATS (JetStream) on 127.0.0.1:${port} (store ${store})`);
    },
    /** Killed as a crash would (SIGKILL), down for downMs, started again on the same store directory. */
    async restart(downMs) {
      await kill('SIGKILL');
      await sleep(downMs);
      await start();
    },
    kill,
    stop: () => kill('SIGTERM'),
  };
}
