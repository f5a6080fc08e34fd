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
  const report = (kind: string, e: unknown) => {
    counters.unhandledErrors++;
    try {
      const correlationId = currentCorrelationId();
      const stack = e instanceof Error ? (e.stack ?? e.message) : String(e);
      logger.error(`${service}: ${kind} survived${correlationId ? ` [correlation ${correlationId}]` : ''}: ${stack}`);
    } catch {
      /* nothing more can be said */
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
