import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { IdempotencyRepository } from './idempotency.repository.js';

/** Claims lapse on their own when touched again; this drops the ones nobody comes back for, once an hour. */
@Injectable()
export class ExpiredKeysPurger implements OnModuleDestroy {
  private readonly purger = setInterval(() => void this.keys.purgeExpired().catch(() => undefined), 3600_000).unref();

  constructor(private readonly keys: IdempotencyRepository) {}

  onModuleDestroy(): void {
    clearInterval(this.purger);
  }
}
