import 'reflect-metadata';
import { Logger, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { describeConfig, loadConfig } from '#libs/config';
import { AppLogger } from '#libs/logging';
import { runMigrations } from '#libs/persistence';
import { exitForInfrastructure, installProcessGuards, serveOperations } from '#libs/platform';
import { DemoSeeder } from './auth/demo-seeder.js';
import { GatewayModule } from './gateway.module.js';
import { AuditTrail } from './audit/audit-trail.js';
import { correlationIdMiddleware } from './http/correlation-id.js';
import { inputGuard } from './http/input-guard.js';
import { RequestInvalid } from './http/request-invalid.js';
import { setupOpenApi } from './openapi.js';

const apiHeaders = helmet();
const docsHeaders = helmet({ contentSecurityPolicy: false });

/** Not bootstrapService: the gateway serves HTTP, not NATS handlers. */
const config = loadConfig('gateway');
installProcessGuards('gateway');
try {
  const logger = new Logger('bootstrap');
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.register(config), {
    logger: new AppLogger('gateway', config.logLevel, config.logFormat),
    // Our own parser, so the input guard runs right after it and before anything walks the body.
    bodyParser: false,
    // The parser keeps each body's bytes (req.rawBody): a bank callback's signature is over exactly those bytes.
    rawBody: true,
  });
  app.enableShutdownHooks();
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  // /health/live, /health/ready and /metrics first; then every other request timed by route, and traced (#13).
  serveOperations(app, { httpMetrics: true });
  // Security headers on every answer (CSP, nosniff, frame-ancestors, HSTS, no referrer…); the docs page needs inline
  // scripts and styles, so its CSP is relaxed for /docs only.
  app.use((req: { path: string }, res: unknown, next: () => void) =>
    (req.path.startsWith('/docs') ? docsHeaders : apiHeaders)(req as never, res as never, next),
  );
  // CORS is off unless CORS_ORIGINS names the browser origins allowed.
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, credentials: false });
  app.use(correlationIdMiddleware);
  // The audit record of every state-changing request (#11): mounted before the parser and the guards so it sees every refusal.
  app.use(app.get(AuditTrail).middleware);
  app.useBodyParser('json', { limit: config.maxBodyBytes });
  app.use(inputGuard);
  if (config.migrationsRun) {
    const applied = await runMigrations(app.get(DataSource), 'gateway');
    if (applied.length) logger.log(`gateway: applied migrations ${applied.join(', ')}`);
  }
  if (config.migrateOnly) {
    // npm run migrate: the schema is what was asked for; serving is not.
    await app.close();
    process.exit(0);
  }
  if (config.seedDemo) await app.get(DemoSeeder).seed(config.demoPassword);
  app.setGlobalPrefix('api/v1', { exclude: ['health'] });
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: RequestInvalid.fromValidation }),
  );
  setupOpenApi(app);
  await app.listen(config.port, config.bindHost);
  logger.log(`gateway is up on :${config.port} (API /api/v1, docs /docs): ${JSON.stringify(describeConfig(config))}`);
} catch (e) {
  // Before the gateway is up, a failure is its infrastructure or its configuration: say so and let the supervisor retry.
  exitForInfrastructure('gateway', `could not start: ${(e as Error)?.stack ?? String(e)}`);
}
