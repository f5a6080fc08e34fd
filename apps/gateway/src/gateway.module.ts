import { createSecretKey } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ServiceConfig } from '#libs/config';
import { MessagingModule } from '#libs/messaging';
import { dataSourceOptions } from '#libs/persistence';
import { PlatformModule } from '#libs/platform';
import { CaseAccess } from './access/case-access.js';
import { CaseScopeGuard } from './access/case-scope.guard.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from './auth/auth-user.js';
import { AdminUsersController } from './admin-users/admin-users.controller.js';
import { AdminUsersService } from './admin-users/admin-users.service.js';
import { LoginLockRepository } from './auth/sessions/login-lock.repository.js';
import { RefreshTokenRepository } from './auth/sessions/refresh-token.repository.js';
import { SecurityLogRepository } from './auth/sessions/security-log.repository.js';
import { TokenIssuer } from './auth/sessions/token-issuer.js';
import { UserCheck } from './auth/sessions/user-check.js';
import { AuthService } from './auth/auth.service.js';
import { DemoSeeder } from './auth/demo-seeder.js';
import { UsersRepository } from './auth/users.repository.js';
import { CaseViewChanges } from './cases/case-view-changes.js';
import { CaseViewLoader } from './cases/case-view.loader.js';
import { CaseViewService } from './cases/case-view.service.js';
import { CasesController } from './cases/cases.controller.js';
import { CatalogController } from './catalog/catalog.controller.js';
import { CatalogDataController } from './catalog/catalog-data.controller.js';
import { CaseWindowController } from './window/case-window.controller.js';
import { WindowRecordsController } from './window/window-records.controller.js';
import { DeliveriesController } from './deliveries/deliveries.controller.js';
import { DispatchBatchesController } from './deliveries/dispatch-batches.controller.js';
import { FeesController } from './fees/fees.controller.js';
import { NoticePrintController } from './fees/notice-print.controller.js';
import { PaymentCallbackController } from './payments/payment-callback.controller.js';
import { CallbackSignatureGuard } from './payments/callback-signature.guard.js';
import { GatewayHealthController } from './health/gateway-health.controller.js';
import { GatewayHealthService } from './health/gateway-health.service.js';
import { AppErrorFilter } from './http/app-error.filter.js';
import { AuditController } from './audit/audit.controller.js';
import { AuditRecord } from './audit/audit-record.js';
import { AuditRepository } from './audit/audit.repository.js';
import { AuditTrail } from './audit/audit-trail.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
import { ExpiredKeysPurger } from './idempotency/expired-keys-purger.js';
import { IdempotencyRepository } from './idempotency/idempotency.repository.js';
import { migrations } from './migrations/index.js';
import { PublicCasesController } from './public/public-cases.controller.js';
import { PublicRatingsController } from './public/public-ratings.controller.js';
import { DecisionLetterController } from './decision-letters/decision-letter.controller.js';
import { RatingsController } from './supervision/ratings.controller.js';
import { CertificatesController } from './certificates/certificates.controller.js';
import { PublicCertificatesController } from './certificates/public-certificates.controller.js';
import { PublicCasesService } from './public/public-cases.service.js';
import { ApplicantCheck } from './public/applicant-check.js';
import { PublicLookupRepository } from './public/public-lookup.repository.js';
import { RateLimitGuard } from './rate-limit/rate-limit.guard.js';
import { ReconciliationController } from './reconciliation/reconciliation.controller.js';
import { TasksController } from './tasks/tasks.controller.js';
import { SupervisionController } from './supervision/supervision.controller.js';
import { TaskExtensionController } from './tasks/task-extension.controller.js';
import { DelegationsController } from './delegations/delegations.controller.js';
import { DepartmentAuditController } from './department-audit/department-audit.controller.js';
import { OpinionsController } from './opinions/opinions.controller.js';
import { SiteSurveysController } from './site-surveys/site-surveys.controller.js';
import { TaskWorkbenchController } from './tasks/task-workbench.controller.js';

@Module({})
export class GatewayModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, 'gateway', migrations, config.dbPoolSize)),
        // The gateway publishes no events: no outbox, no relay.
        MessagingModule.forService(config, { outbox: false }),
        // Its /health is GatewayHealthController: its own HealthService and every service's report.
        PlatformModule.forService(config, { serveHealth: false }),
        JwtModule.register({
          // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a public key on every
          // verify, which cost the gateway a fifth of its CPU under load.
          secret: createSecretKey(Buffer.from(config.jwtSecret)),
          // An allow-list of one algorithm, and our own issuer and audience: a token minted for anything else is refused.
          signOptions: { algorithm: 'HS256', expiresIn: config.accessTokenTtlSeconds, issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE },
          verifyOptions: { algorithms: ['HS256'], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE },
        }),
      ],
      controllers: [
        AuthController,
        AdminUsersController,
        CatalogController,
        CatalogDataController,
        CasesController,
        CaseWindowController,
        WindowRecordsController,
        TasksController,
        TaskExtensionController,
        SupervisionController,
        TaskWorkbenchController,
        DelegationsController,
        DepartmentAuditController,
        SiteSurveysController,
        OpinionsController,
        FeesController,
        NoticePrintController,
        PaymentCallbackController,
        // certificates (#10)
        CertificatesController,
        PublicCertificatesController,
        ReconciliationController,
        DeliveriesController,
        DispatchBatchesController,
        PublicCasesController,
        PublicRatingsController,
        DecisionLetterController,
        RatingsController,
        // the audit record (#11)
        AuditController,
        GatewayHealthController,
      ],
      providers: [
        GatewayHealthService,
        UsersRepository,
        AuthService,
        AdminUsersService,
        LoginLockRepository,
        RefreshTokenRepository,
        SecurityLogRepository,
        TokenIssuer,
        UserCheck,
        DemoSeeder,
        CaseViewLoader,
        CaseViewChanges,
        CaseViewService,
        PublicCasesService,
        ApplicantCheck,
        PublicLookupRepository,
        IdempotencyRepository,
        ExpiredKeysPurger,
        CallbackSignatureGuard,
        // the audit record (#11): AuditTrail is mounted in main.ts, before the body parser
        AuditRepository,
        AuditTrail,
        AuditRecord,
        // The auth guard lets @Public() routes through untouched; the rate limit then applies to those marked @RateLimited.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        // Least privilege (docs/ACCESS.md): a @CaseScoped route only on a case inside the caller's scope.
        CaseAccess,
        { provide: APP_GUARD, useClass: CaseScopeGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_FILTER, useClass: AppErrorFilter },
      ],
    };
  }
}
