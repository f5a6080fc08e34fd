import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import type { ServiceConfig } from '#libs/config';
import { connectNats } from './nats.js';
import { OutboxRelay } from './outbox-relay.js';
import { RpcClient } from './rpc-client.js';
import { UnitOfWork } from './unit-of-work.js';
import { MessagingHousekeeping, retentionDays } from './housekeeping.js';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');

/** Starts the relay once the app is up and drains NATS last, so in-flight replies and publishes finish. */
class MessagingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly relay: OutboxRelay | null,
    private readonly housekeeping: MessagingHousekeeping | null,
  ) {}

  onApplicationBootstrap(): void {
    this.relay?.start();
    this.housekeeping?.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.housekeeping?.stop();
    await this.relay?.stop();
    await this.nc.drain().catch(() => undefined);
  }
}

@Module({})
export class MessagingModule {
  /** `outbox: false` for a service that publishes no events (the gateway). */
  static forService(config: ServiceConfig, opts: { outbox: boolean } = { outbox: true }): DynamicModule {
    const providers = [
      { provide: NATS_CONNECTION, useFactory: () => connectNats(config.natsUrl, config.service) },
      {
        provide: RpcClient,
        inject: [NATS_CONNECTION],
        useFactory: (nc: NatsConnection) => new RpcClient(nc, config.namespace, config.rpcTimeoutMs),
      },
      {
        provide: OutboxRelay,
        inject: [DataSource, NATS_CONNECTION],
        useFactory: (ds: DataSource, nc: NatsConnection) =>
          opts.outbox ? new OutboxRelay(ds, config.service, jetstream(nc), config.namespace, { sweepMs: config.outboxSweepMs }) : null,
      },
      {
        provide: UnitOfWork,
        inject: [DataSource, OutboxRelay],
        useFactory: (ds: DataSource, relay: OutboxRelay | null) => new UnitOfWork(ds, config.service, relay ?? undefined),
      },
      {
        provide: MessagingLifecycle,
        inject: [NATS_CONNECTION, OutboxRelay, DataSource],
        useFactory: (nc: NatsConnection, relay: OutboxRelay | null, ds: DataSource) =>
          new MessagingLifecycle(nc, relay, opts.outbox ? new MessagingHousekeeping(ds, config.service, retentionDays(config)) : null),
      },
    ];
    return {
      module: MessagingModule,
      global: true,
      providers,
      exports: [NATS_CONNECTION, RpcClient, OutboxRelay, UnitOfWork],
    };
  }
}
