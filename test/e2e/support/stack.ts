import { createStack, type Stack } from '../../../scripts/stack.mjs';
import { deleteStreams } from '#libs/messaging';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { freshDatabase, infrastructure, uniqueName } from '../../support/infra.js';
import { Api } from './api.js';

export interface TestStack {
  stack: Stack;
  api: Api;
  stop(): Promise<void>;
}

/**
 * All six services as separate processes (from dist/: `npm test` builds first), on a fresh database and a
 * NATS namespace of their own, so a test run never meets another run's rows or streams.
 */
export async function startTestStack(): Promise<TestStack> {
  const infra = await infrastructure();
  const db = await freshDatabase('ow_e2e');
  const namespace = uniqueName('e2e');
  const logs: string[] = [];
  const stack = createStack({
    databaseUrl: db.url,
    natsUrl: infra.natsUrl,
    namespace,
    basePort: 20000 + Math.floor(Math.random() * 400) * 10,
    seedDemo: true,
    // Every request of the suite comes from 127.0.0.1: the per-IP login limit would throttle the test itself.
    env: { LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn', RATE_LIMIT_PER_MINUTE: '10000' },
    output: (service, line) => {
      logs.push(`${service} | ${line}`);
      if (process.env.E2E_VERBOSE) process.stdout.write(`${service} | ${line}\n`);
    },
  });
  try {
    await stack.up(90_000);
  } catch (e) {
    await stack.down();
    throw new Error(`${(e as Error).message}\n--- service output ---\n${logs.slice(-60).join('\n')}`);
  }
  return {
    stack,
    api: new Api(stack.url),
    async stop() {
      await stack.down();
      const nc = await connect({ servers: infra.natsUrl });
      await deleteStreams(await jetstreamManager(nc), namespace);
      await nc.close();
      await db.drop();
    },
  };
}
