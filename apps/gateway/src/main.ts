import 'reflect-metadata';
import { Logger, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { describeConfig, loadConfig } from '#libs/config';
import { AppLogger } from '#libs/logging';
import { exitForInfrastructure, installProcessGuards } from '#libs/messaging';
import { runMigrations } from '#libs/persistence';
import { DemoSeeder } from './auth/demo-seeder.js';
import { GatewayModule } from './gateway.module.js';
import { gatewaySettings } from './gateway-settings.js';
import { correlationIdMiddleware } from './http/correlation-id.js';
import { inputGuard } from './http/input-guard.js';
import { RequestInvalid } from './http/request-invalid.js';
import { setupOpenApi } from './openapi.js';

/** Not bootstrapService: the gateway serves HTTP, not NATS handlers. */
const config = loadConfig('gateway');
installProcessGuards('gateway');
try {
  const logger = new Logger('bootstrap');
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.register(config), {
    logger: new AppLogger('gateway', config.logLevel),
    // Our own parser, so the input guard runs right after it and before anything walks the body.
    bodyParser: false,
  });
  app.enableShutdownHooks();
  if (gatewaySettings.trustProxy !== undefined) app.set('trust proxy', gatewaySettings.trustProxy);
  app.use(correlationIdMiddleware);
  app.useBodyParser('json', { limit: gatewaySettings.maxBodyBytes });
  app.use(inputGuard);
  if (config.migrationsRun) {
    const applied = await runMigrations(app.get(DataSource), 'gateway');
    if (applied.length) logger.log(`gateway: applied migrations ${applied.join(', ')}`);
  }
  if (config.seedDemo) await app.get(DemoSeeder).seed(config.demoPassword);
  app.setGlobalPrefix('api/v1', { exclude: ['health'] });
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: RequestInvalid.fromValidation }),
  );
  setupOpenApi(app);
  await app.listen(config.port, process.env.BIND_HOST ?? '127.0.0.1');
  logger.log(`gateway is up on :${config.port} (API /api/v1, docs /docs): ${JSON.stringify(describeConfig(config))}`);
} catch (e) {
  // Before the gateway is up, a failure is its infrastructure or its configuration: say so and let the supervisor retry.
  exitForInfrastructure('gateway', `could not start: ${(e as Error)?.stack ?? String(e)}`);
}
