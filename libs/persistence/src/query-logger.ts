import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM's own logger prints a failed query with its parameters, which carry ID numbers and phones, straight to
 * the console. This one names the statement and the error only, through the service's logger (so redaction and the
 * correlation id apply to ORM lines too); parameters are never printed.
 */
export class QueryLogger implements TypeOrmLogger {
  private readonly logger = new Logger('sql');

  logQueryError(error: string | Error, query: string): void {
    const message = error instanceof Error ? error.message : String(error);
    this.logger.warn(`query failed: ${message} — ${firstLine(query)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${firstLine(query)}`);
  }

  // The migration runner says what it applied; TypeORM's own narration of it is debug detail.
  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.debug(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }

  logQuery(): void {
    /* statements are not logged one by one */
  }
}

function firstLine(query: string): string {
  const flat = String(query).replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}
