import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { currentCorrelationId } from './correlation.js';
import { redact } from './redact.js';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export function logLevels(level: string): LogLevel[] {
  const i = LEVELS.indexOf(level as LogLevel);
  return LEVELS.slice(0, i < 0 ? 4 : i + 1);
}

/**
 * Nest's logger with redaction; LOG_FORMAT=json writes one JSON object per line (time, level, service, context,
 * message) for a log shipper, text (the default) stays readable in a terminal.
 */
export class AppLogger extends ConsoleLogger {
  constructor(
    private readonly service: string,
    level: string,
    private readonly format: string = process.env.LOG_FORMAT ?? 'text',
  ) {
    super(service, { logLevels: logLevels(level) });
  }

  protected override printMessages(messages: unknown[], context = '', logLevel: LogLevel = 'log', writeStreamType?: 'stdout' | 'stderr'): void {
    const safe = messages.map((m) => (typeof m === 'string' ? redact(m) : m instanceof Error ? redact(m.stack ?? m.message) : m));
    const correlationId = currentCorrelationId();
    if (this.format !== 'json') {
      return super.printMessages(safe, correlationId ? `${context}] [${correlationId}` : context, logLevel, writeStreamType);
    }
    for (const message of safe) {
      const line = JSON.stringify({
        time: new Date().toISOString(),
        level: logLevel,
        service: this.service,
        context,
        ...(correlationId ? { correlationId } : {}),
        message: typeof message === 'string' ? message : redact(JSON.stringify(message)),
      });
      process[writeStreamType ?? (logLevel === 'error' || logLevel === 'fatal' ? 'stderr' : 'stdout')].write(line + '\n');
    }
  }

  protected override printStackTrace(stack: string): void {
    super.printStackTrace(redact(stack));
  }
}
