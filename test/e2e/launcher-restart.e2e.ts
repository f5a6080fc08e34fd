import { freeBasePort } from '../support/free-ports.js';
import { eventually } from './support/api.js';
import { startTestStack, type TestStack } from './support/stack.js';

/**
 * The launcher (`npm start`, issue #7) brings back a service that dies: same name, env and port, after a backoff,
 * with one line saying so. A service the stack stops on purpose (stack.kill, down) stays down.
 */
describe('the launcher restarts a service that dies', () => {
  let t: TestStack;
  const lines: string[] = [];

  beforeAll(async () => {
    // npm start's policy, with a short first delay so the test does not wait a whole second.
    t = await startTestStack({
      basePort: await freeBasePort(),
      namespacePrefix: 'h7_restart_e2e',
      restart: { backoffMs: [200, 2000], giveUpAfter: 5, quickMs: 30_000, log: (line) => lines.push(line) },
    });
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  }, 60_000);

  const health = async (port: number) => (await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined))?.status;

  it('restarts a killed delivery on its own port, counts it, and leaves a service stopped on purpose down', async () => {
    const port = t.stack.ports.delivery;
    const first = t.stack.procs.get('delivery')!;
    expect(await health(port)).toBe(200);

    // Killed from outside the stack, as the OOM killer or a crash would.
    process.kill(first.pid!, 'SIGKILL');

    const second = await eventually(async () => {
      const now = t.stack.procs.get('delivery')!;
      return now !== first && now.pid !== first.pid && (await health(port)) === 200 ? now : undefined;
    }, 'delivery restarted and healthy again on its own port', 30_000);
    expect(first.signalCode).toBe('SIGKILL');
    expect(second.exitCode).toBeNull();
    expect(t.stack.restarts.delivery).toBe(1);
    expect(lines).toEqual(['delivery exited (SIGKILL); restarting in 0.2 s (restart 1)']);
    // Nothing else was touched.
    expect(Object.keys(t.stack.restarts)).toEqual(['delivery']);

    // Stopping it on purpose is not a failure: no restart, no line.
    await t.stack.kill('delivery');
    await new Promise((r) => setTimeout(r, 1000));
    expect(t.stack.procs.get('delivery')).toBe(second);
    expect(await health(port)).toBeUndefined();
    expect(t.stack.restarts.delivery).toBe(1);
    expect(lines).toHaveLength(1);
  });
});
