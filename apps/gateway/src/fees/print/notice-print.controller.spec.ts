import { ValidationPipe, type StreamableFile } from '@nestjs/common';
import { CaseAccess } from '../../access/case-access.js';
import { Reflector } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { AppError, Rpc, type Actor } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { ROLES_KEY } from '../../auth/roles.decorator.js';
import { UsersRepository } from '../../auth/users.repository.js';
import { RequestInvalid } from '../../http/request-invalid.js';
import { NoticePrintController } from '../notice-print.controller.js';
import { notice } from './notice.fixture.js';
import { PrintNoticeQuery } from './print-notice.query.js';

const actor: Actor = { id: 'finance1', role: 'FINANCE' };

function controller() {
  const calls: unknown[][] = [];
  const rpc = { request: async (...args: unknown[]) => (calls.push(args), notice) } as unknown as RpcClient;
  const users = { find: async (u: string) => (u === 'finance1' ? { displayName: 'Finance window 1' } : undefined) } as unknown as UsersRepository;
  const access = { allows: async () => true } as unknown as CaseAccess;
  return { ctl: new NoticePrintController(rpc, users, access), calls };
}

async function body(file: StreamableFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of file.getStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('GET /payment-notices/:noticeNo/print', () => {
  it('may be used by FINANCE, SUPERVISOR and the window CLERK', () => {
    expect(new Reflector().get(ROLES_KEY, NoticePrintController.prototype.print)).toEqual(['FINANCE', 'SUPERVISOR', 'CLERK']);
  });

  it('asks the fees service for the notice and answers the HTML page, naming who printed it', async () => {
    const { ctl, calls } = controller();
    const file = await ctl.print({ noticeNo: notice.noticeNo }, {}, actor, { user: { username: actor.id, centers: [] }, actor }, 'corr-1');
    expect(calls).toEqual([[Rpc.fees.getNotice, { noticeNo: notice.noticeNo }, { correlationId: 'corr-1' }]]);
    expect(file.getHeaders().type).toBe('text/html; charset=utf-8');
    const html = (await body(file)).toString('utf8');
    expect(html).toContain('人民币玖拾元整');
    expect(html).toContain('打印人：Finance window 1（finance1）');
  });

  it('answers a PDF with ?format=pdf', async () => {
    const { ctl } = controller();
    const file = await ctl.print({ noticeNo: notice.noticeNo }, { format: 'pdf' }, actor, { user: { username: actor.id, centers: [] }, actor }, 'corr-2');
    expect(file.getHeaders()).toMatchObject({ type: 'application/pdf', disposition: `inline; filename="${notice.noticeNo}.pdf"` });
    expect((await body(file)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('accepts only html or pdf as the format', async () => {
    const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: RequestInvalid.fromValidation });
    await expect(pipe.transform({ format: 'pdf' }, { type: 'query', metatype: PrintNoticeQuery })).resolves.toEqual({ format: 'pdf' });
    await expect(pipe.transform({}, { type: 'query', metatype: PrintNoticeQuery })).resolves.toEqual({});
    const refused = await pipe.transform({ format: 'docx' }, { type: 'query', metatype: PrintNoticeQuery }).catch((e: AppError) => e);
    expect((refused as AppError).status).toBe(400);
  });

  it('is documented in OpenAPI under fees, producing HTML or PDF, with its errors', async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [NoticePrintController],
      providers: [
        { provide: RpcClient, useValue: {} },
        { provide: UsersRepository, useValue: {} },
        { provide: CaseAccess, useValue: {} },
      ],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    const doc = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    const op = doc.paths['/payment-notices/{noticeNo}/print'].get!;
    expect(op.tags).toEqual(['fees']);
    expect(op.parameters!.map((p) => ('name' in p ? p.name : ''))).toEqual(expect.arrayContaining(['noticeNo', 'format']));
    expect(Object.keys((op.responses['200'] as { content: object }).content)).toEqual(['text/html', 'application/pdf']);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '503']));
    await app.close();
  });
});
