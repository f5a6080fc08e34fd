// The --single counterpart of scripts/stack.mjs createStack: one process (single-process.mjs) serving all six
// services, with the same ports, url, procs, up() and down() as far as the bench uses them.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pipeLines, ROOT, SERVICES, waitHealthy } from '../stack.mjs';

const PORT_OFFSET = { gateway: 0, intake: 1, routing: 2, approval: 3, fees: 4, delivery: 5 };

export function createSingleStack(opts) {
  const basePort = opts.basePort ?? 3000;
  const ports = Object.fromEntries(SERVICES.map((s) => [s, basePort + PORT_OFFSET[s]]));
  const procs = new Map();
  let child;
  return {
    ports,
    procs,
    url: `http://127.0.0.1:${ports.gateway}`,
    async up(timeoutMs = 60000) {
      const nodeArgs = (process.env.STACK_NODE_ARGS ?? '').split(' ').filter(Boolean);
      child = spawn(process.execPath, ['--enable-source-maps', ...nodeArgs, path.join(ROOT, 'scripts/bench/single-process.mjs')], {
        cwd: ROOT,
        env: {
          ...process.env,
          ...opts.env,
          DATABASE_URL: opts.databaseUrl,
          NATS_URL: opts.natsUrl,
          NATS_NAMESPACE: opts.namespace ?? 'ow',
          SEED_DEMO: opts.seedDemo === false ? 'false' : 'true',
          ...Object.fromEntries(SERVICES.map((s) => [`${s.toUpperCase()}_PORT`, String(ports[s])])),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // Every service is this one process: the bench finds each one's pid under its own name.
      for (const s of SERVICES) procs.set(s, child);
      pipeLines(child, 'single', opts.output);
      for (const s of SERVICES) await waitHealthy(ports[s], timeoutMs, child);
    },
    async down() {
      if (!child || child.exitCode !== null || child.signalCode) return;
      const exited = new Promise((r) => child.once('exit', r));
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
    },
  };
}
