import type { INestApplication } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ROLES, type Role } from '#libs/contracts';
import { CASE_SCOPED_KEY } from './access/case-scoped.decorator.js';
import { PUBLIC_KEY, ROLES_KEY } from './auth/roles.decorator.js';

/** Served outside the API prefix: /docs (UI) and /docs-json (the OpenAPI document). */
export function setupOpenApi(app: INestApplication): void {
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('One-window service center API')
      .setDescription(
        '前台综合受理、后台分类审批、综合窗口出件. Staff log in at /api/v1/auth/login and send the token as a Bearer token. ' +
          'Every error is {code, message, ...}; a 400 lists every problem with the request. Every POST except login takes an ' +
          'optional Idempotency-Key header. Times are Asia/Shanghai to the second; money is integer fen. ' +
          'Each answer carries x-correlation-id (send your own to follow a request through the services).',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  addRoles(app, doc);
  SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs-json' });
}

/**
 * Who may call each operation, from the same metadata the guards read (@Public, @Roles, @CaseScoped): an `x-roles`
 * list (`[]` for public), `x-case-scoped` where CaseAccess narrows a role to its cases, and a "Roles: …" line at the
 * end of the description. The policy behind it is docs/ACCESS.md.
 */
export function addRoles(app: INestApplication, doc: OpenAPIObject): void {
  const reflector = new Reflector();
  const byOperationId = new Map<string, { roles: Role[] | 'public'; scoped: boolean }>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const cls = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!cls?.prototype) continue;
      for (const key of Object.getOwnPropertyNames(cls.prototype)) {
        const handler = (cls.prototype as Record<string, unknown>)[key];
        if (key === 'constructor' || typeof handler !== 'function') continue;
        const targets = [handler, cls];
        const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
        const roles = reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
        const scoped = !!reflector.getAllAndOverride<string | undefined>(CASE_SCOPED_KEY, targets);
        byOperationId.set(`${cls.name}_${key}`, { roles: isPublic ? 'public' : roles?.length ? roles : [...ROLES], scoped });
      }
    }
  }
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item) as { operationId?: string; description?: string; [k: string]: unknown }[]) {
      const who = op?.operationId ? byOperationId.get(op.operationId) : undefined;
      if (!who) continue;
      op['x-roles'] = who.roles === 'public' ? [] : who.roles;
      if (who.scoped) op['x-case-scoped'] = true;
      const line =
        who.roles === 'public'
          ? 'Roles: public (no login).'
          : `Roles: ${who.roles.join(', ')}${who.scoped ? ' (CLERK, CHIEF_REP and COURIER only on cases in their scope: docs/ACCESS.md)' : ''}.`;
      op.description = op.description ? `${op.description}\n\n${line}` : line;
    }
  }
}
