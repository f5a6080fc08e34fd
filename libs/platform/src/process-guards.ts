import { Logger } from '@nestjs/common';
import { currentCorrelationId } from '#libs/logging';
import { counters } from '#libs/messaging';

let installed = false;

/**
 * No request or event may end the process: an error that escapes every handler (a callback's throw, a promise no one
 * awaited) is logged with the correlation id of the work in hand and counted in /health, and the process goes on.
 * The process exits only when its own infrastructure is gone for good (see exitForInfrastructure).
 */
export function installProcessGuards(service: string): void {
  if (installed) return;
  installed = true;
  const logger = new Logger('process');
  // A log stream whose reader is gone (the launcher or a test runner killed) fails every write: reporting that on the
  // same stream would fail again and loop at full CPU. Without its logs the process is an orphan: it leaves.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e?.code === 'EPIPE' || e?.code === 'ERR_STREAM_DESTROYED') process.exit(70);
    });
  }
  let reporting = false;
  const report = (kind: string, e: unknown) => {
    counters.unhandledErrors++;
    if ((e as NodeJS.ErrnoException)?.code === 'EPIPE') process.exit(70);
    // An error raised while reporting one is counted, not reported: no loop.
    if (reporting) return;
    reporting = true;
    try {
      const correlationId = currentCorrelationId();
      const stack = e instanceof Error ? (e.stack ?? e.message) : String(e);
      logger.error(`${service}: ${kind} survived${correlationId ? ` [correlation ${correlationId}]` : ''}: ${stack}`);
    } catch {
      /* nothing more can be said */
    } finally {
      reporting = false;
    }
  };
  process.on('unhandledRejection', (e) => report('unhandled rejection', e));
  process.on('uncaughtException', (e) => report('uncaught exception', e));
}

/** The one way out: a dependency this process cannot work without is gone and will not come back by itself. */
export function exitForInfrastructure(service: string, what: string): never {
  try {
    process.stderr.write(`${service}: FATAL ${what}; exiting so that the supervisor restarts this process\n`);
  } finally {
    process.exit(70);
  }
}
