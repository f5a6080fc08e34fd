import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import type { ServiceConfig } from '#libs/config';
import { caseViewChangedSubject, type CaseViewChanged } from '#libs/contracts';
import { NATS_CONNECTION, wireSubject } from '#libs/messaging';
import { SERVICE_CONFIG } from '#libs/platform';

/** The channel routing.case_view_changed() notifies on (see the case-views migration). */
const CHANNEL = 'routing_case_view';
const RETRY_MS = 2000;

/**
 * Relays PostgreSQL's NOTIFY routing_case_view to core NATS as `<namespace>.caseview.changed.<caseNo>`. The database
 * delivers a notification only once its transaction committed (and never for one rolled back), whichever process
 * wrote the row: an event's handler, a read writing back, another routing replica. So a waiter never wakes to a change
 * it cannot read yet. Every routing replica relays every notification (a waiter may wake twice: it reads again and
 * finds the same version). While this connection is down notifications are lost; the gateway's long-poll reads once
 * more when its time runs out, so a waiter learns late, never wrongly.
 */
@Injectable()
export class CaseViewNotifier implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('CaseViewNotifier');
  private client?: pg.Client;
  private retry?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
  ) {}

  onApplicationBootstrap(): void {
    void this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.config.databaseUrl, application_name: 'routing case-view notifier' });
    this.client = client;
    client.on('notification', (n) => this.relay(n.payload));
    client.on('error', (e) => this.again(client, e));
    client.on('end', () => this.again(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (e) {
      this.again(client, e);
    }
  }

  private relay(caseNo: string | undefined): void {
    if (!caseNo) return;
    const notice: CaseViewChanged = { caseNo };
    try {
      this.nc.publish(wireSubject(this.config.namespace, caseViewChangedSubject(caseNo)), JSON.stringify(notice));
    } catch {
      /* NATS is closing: nobody is waiting any more */
    }
  }

  private again(client: pg.Client, e?: unknown): void {
    if (this.stopped || this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    this.logger.warn(`lost the database connection that hears case view changes; listening again in ${RETRY_MS} ms${e ? `: ${(e as Error).message}` : ''}`);
    this.retry = setTimeout(() => void this.listen(), RETRY_MS);
  }
}
