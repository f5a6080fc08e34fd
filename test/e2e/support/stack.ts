import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createStack, type RestartOptions, type Stack } from '../../../scripts/stack.mjs';
import { deleteStreams } from '#libs/messaging';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { freshDatabase, infrastructure, uniqueName } from '../../support/infra.js';
import { Api, eventually } from './api.js';

export interface TestStack {
  stack: Stack;
  api: Api;
  /** The stack's own database, for tests that must look at or set up rows no API shows. */
  databaseUrl: string;
  /** The stack's NATS namespace and server, for tests that publish or listen on its subjects directly. */
  namespace: string;
  natsUrl: string;
  /** Every line the services wrote so far (stdout and stderr), for tests that look at what reaches the logs. */
  logs(): string[];
  /** SQL on the stack's database, for rows no API shows (one client, opened on first use, closed by stop). */
  db(): Promise<pg.Client>;
  /**
   * What delivery's notification file sink wrote so far (NOTIFY_FILE, one per stack), optionally of one case: what
   * the applicant's SMS would say. The pickup code reaches the applicant only this way.
   */
  notifications(caseNo?: string): Promise<{ notificationId: string; caseNo: string; template: string; phone: string; text: string }[]>;
  /** The pickup code of the case's result-ready notification, once it is in the sink. */
  pickupCode(caseNo: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * All six services as separate processes (from dist/: `npm test` builds first), on a fresh database and a
 * NATS namespace of their own, so a test run never meets another run's rows or streams.
 */
export async function startTestStack(
  opts: { basePort?: number; namespacePrefix?: string; env?: Record<string, string>; restart?: boolean | RestartOptions } = {},
): Promise<TestStack> {
  const infra = await infrastructure();
  const db = await freshDatabase(opts.namespacePrefix ? `ow_${opts.namespacePrefix}` : 'ow_e2e');
  const namespace = uniqueName(opts.namespacePrefix ?? 'e2e');
  const logs: string[] = [];
  const notifyFile = join(tmpdir(), `${namespace}-notifications.jsonl`);
  const stack = createStack({
    databaseUrl: db.url,
    natsUrl: infra.natsUrl,
    namespace,
    basePort: opts.basePort ?? 20000 + Math.floor(Math.random() * 400) * 10,
    seedDemo: true,
    // Every request of the suite comes from 127.0.0.1: the per-IP login limit would throttle the test itself.
    env: { LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn', RATE_LIMIT_PER_MINUTE: '10000', NOTIFY_FILE: notifyFile, NOTIFY_POLL_MS: '100', ...opts.env },
    output: (service, line) => {
      logs.push(`${service} | ${line}`);
      if (process.env.E2E_VERBOSE) process.stdout.write(`${service} | ${line}\n`);
    },
    // Off unless a test asks: the others stop services on purpose.
    restart: opts.restart,
  });
  try {
    await stack.up(90_000);
  } catch (e) {
    await stack.down();
    await removeStreams(infra.natsUrl, namespace).catch(() => undefined);
    await db.drop().catch(() => undefined);
    throw new Error(`${(e as Error).message}\n--- service output ---\n${logs.slice(-60).join('\n')}`);
  }
  let client: Promise<pg.Client> | undefined;
  const notifications = async (caseNo?: string) =>
    (await readFile(notifyFile, 'utf8').catch(() => ''))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
      .filter((n) => caseNo === undefined || n.caseNo === caseNo);
  return {
    stack,
    api: new Api(stack.url),
    db() {
      client ??= (async () => {
        const c = new pg.Client({ connectionString: db.url });
        await c.connect();
        return c;
      })();
      return client;
    },
    notifications,
    pickupCode: (caseNo) =>
      eventually(async () => {
        const ready = (await notifications(caseNo)).find((n) => n.template === 'RESULT_READY_WINDOW');
        return /取件码(\d{6})/.exec(ready?.text ?? '')?.[1];
      }, `the pickup code of ${caseNo} in the notifications`),
    databaseUrl: db.url,
    namespace,
    natsUrl: infra.natsUrl,
    logs: () => [...logs],
    async stop() {
      if (client) await (await client).end().catch(() => undefined);
      await stack.down();
      await removeStreams(infra.natsUrl, namespace);
      await db.drop();
      await rm(notifyFile, { force: true });
    },
  };
}

async function removeStreams(natsUrl: string, namespace: string): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  try {
    await deleteStreams(await jetstreamManager(nc), namespace);
  } finally {
    await nc.close();
  }
}
