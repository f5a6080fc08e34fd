import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import type { ServiceConfig } from '#libs/config';
import { caseViewChangedSubject } from '#libs/contracts';
import { NATS_CONNECTION, wireSubject } from '#libs/messaging';
import { SERVICE_CONFIG } from '#libs/platform';

/** Notices that one case's view may have moved, from the moment `listen` resolved until `close`. */
export interface CaseViewWatch {
  /** True on a notice (one since the last call counts), false when `ms` ran out or `stop` fired first. */
  next(ms: number, stop: Promise<void>): Promise<boolean>;
  close(): void;
}

/**
 * routing's word that a case's view may have moved: core NATS `<namespace>.caseview.changed.<caseNo>`, published
 * after the commit (routing's CaseViewNotifier). A wake-up only: the waiter reads the view again and compares.
 */
@Injectable()
export class CaseViewChanges {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /** Resolves once the NATS server has the interest, so no notice published after that is missed. */
  async listen(caseNo: string): Promise<CaseViewWatch> {
    let noticed = false;
    let wake: (() => void) | undefined;
    const sub = this.nc.subscribe(wireSubject(this.config.namespace, caseViewChangedSubject(caseNo)), {
      callback: () => {
        noticed = true;
        wake?.();
      },
    });
    await this.nc.flush();
    return {
      async next(ms, stop) {
        if (!noticed) {
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([
            new Promise<void>((resolve) => {
              wake = resolve;
              timer = setTimeout(resolve, ms);
            }),
            stop,
            sub.closed.then(() => undefined),
          ]);
          clearTimeout(timer);
          wake = undefined;
        }
        const woke = noticed;
        noticed = false;
        return woke;
      },
      close: () => sub.unsubscribe(),
    };
  }
}
