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
    /** LOG_FORMAT (ServiceConfig.logFormat). */
    private readonly format: string = 'text',
  ) {
    super(service, { logLevels: logLevels(level) });
  }

  /** A logger is called from catch blocks: whatever it is given, it writes something and never throws. */
  protected override printMessages(messages: unknown[], context = '', logLevel: LogLevel = 'log', writeStreamType?: 'stdout' | 'stderr'): void {
    try {
      this.print(messages, context, logLevel, writeStreamType);
    } catch (e) {
      lastResort(`${logLevel} [${this.service}] ${redact(context)}: ${redact(messages.map((m) => redact(m)).join(' '))} (logger failed: ${redact(e)})`);
    }
  }

  private print(messages: unknown[], rawContext: string, logLevel: LogLevel, writeStreamType?: 'stdout' | 'stderr'): void {
    const context = redact(rawContext);
    // Every message becomes redacted text: an object printed by Nest as-is could carry an ID number.
    const safe = messages.map((m) => redact(m));
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
        message,
      });
      process[writeStreamType ?? (logLevel === 'error' || logLevel === 'fatal' ? 'stderr' : 'stdout')].write(line + '\n');
    }
  }

  protected override printStackTrace(stack: string): void {
    try {
      if (stack) super.printStackTrace(redact(stack));
    } catch (e) {
      lastResort(`stack trace unprintable: ${redact(e)}`);
    }
  }
}

function lastResort(line: string): void {
  try {
    process.stderr.write(line + '\n');
  } catch {
    /* stderr itself is gone: nothing left to tell */
  }
}
