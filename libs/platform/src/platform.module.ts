import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfig } from '#libs/config';
import { HealthController, HealthService } from './health.js';
import { healthRpcHandler } from './health-rpc.handler.js';
import { SERVICE_CONFIG } from './service-config.token.js';

@Module({})
export class PlatformModule {
  /**
   * What every service has: its config under SERVICE_CONFIG, HealthService, and GET /health with rpc.<service>.health.
   * `serveHealth: false` for the gateway, which answers /health itself from its own HealthService and the services'.
   */
  static forService(config: ServiceConfig, opts: { serveHealth: boolean } = { serveHealth: true }): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      controllers: opts.serveHealth ? [HealthController, healthRpcHandler(config.service)] : [],
      providers: [{ provide: SERVICE_CONFIG, useValue: config }, HealthService],
      exports: [SERVICE_CONFIG, HealthService],
    };
  }
}
