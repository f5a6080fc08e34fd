import { Module, type DynamicModule } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import type { ServiceConfig } from '#libs/config';
import { NATS_CONNECTION } from '#libs/messaging';
import { HealthController, HealthService } from './health.js';
import { healthRpcHandler } from './health-rpc.handler.js';
import { SERVICE_CONFIG } from './service-config.token.js';
import { Telemetry } from './telemetry.js';

@Module({})
export class PlatformModule {
  /**
   * What every service has: its config under SERVICE_CONFIG, HealthService, and GET /health with rpc.<service>.health.
   * `serveHealth: false` for the gateway, which answers /health itself from its own HealthService and the services'.
   * Telemetry starts tracing (when configured) and the scrape-time metrics; serveOperations (operations.ts) serves
   * /metrics, /health/live and /health/ready.
   */
  static forService(config: ServiceConfig, opts: { serveHealth: boolean } = { serveHealth: true }): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      controllers: opts.serveHealth ? [HealthController, healthRpcHandler(config.service)] : [],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        HealthService,
        { provide: Telemetry, inject: [DataSource, NATS_CONNECTION], useFactory: (ds: DataSource, nc: NatsConnection) => Telemetry.start(config, ds, nc) },
      ],
      exports: [SERVICE_CONFIG, HealthService],
    };
  }
}
