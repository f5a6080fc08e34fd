import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

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
  SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs-json' });
}
