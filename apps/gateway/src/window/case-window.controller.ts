import { Body, Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  Rpc,
  type Actor,
  type Command,
  type SupplementReply,
  type SupplementRequest,
  type WithdrawReply,
  type WithdrawRequest,
} from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { CaseScoped } from '../access/case-scoped.decorator.js';
import { CurrentActor } from '../auth/actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { UsersRepository } from '../auth/users.repository.js';
import { ApiErrors, ApiIdempotent, ApiStaff } from '../common/api-docs.js';
import { CaseNoParam } from '../common/params.dto.js';
import { CorrelationId } from '../http/request-context.js';
import { SupplementDto, SupplementReplyDto, WithdrawDto, WithdrawReplyDto } from './dto/window.dto.js';
import { renderReceipt } from './receipt/render-receipt.js';

/** The window's actions on a case after acceptance: materials arriving, withdrawal, the printed receipt. */
@ApiTags('cases')
@ApiStaff()
@Controller('cases')
export class CaseWindowController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly users: UsersRepository,
  ) {}

  @Post(':caseNo/supplements')
  @Roles('CLERK')
  @CaseScoped()
  @ApiOperation({
    summary: 'Record materials that arrived after acceptance (补齐 / 补正).',
    description:
      'Materials left pending by a tolerant acceptance, or asked for by a department (its clock resumes). The answer says what is ' +
      'still pending; when nothing is, a result held for the missing materials is issued.',
  })
  @ApiBody({
    type: SupplementDto,
    examples: {
      pending: { summary: 'The tolerable material left pending', value: { materials: [{ code: 'M05' }], note: '申请人补交完税凭证原件' } },
      requested: { summary: "What a department asked for, by name", value: { materials: [{ name: '房屋测绘报告' }] } },
    },
  })
  @ApiCreatedResponse({ type: SupplementReplyDto })
  @ApiIdempotent()
  @ApiErrors([400, 404, 409, 422, 503], {
    404: { code: 'CASE.NOT_FOUND', message: 'No case 510704202611230000427' },
    409: { code: 'CASE.CLOSED', message: 'Case 510704202611230000427 is WITHDRAWN; nothing more is handed in for it.' },
    422: {
      code: 'SUPPLEMENT.INVALID',
      message: 'The request has problems; every one is listed.',
      problems: [{ field: 'materials.0.code', rule: 'knownMaterial', message: 'RE-TRANSFER has no material M99' }],
    },
  })
  supplement(@Param() p: CaseNoParam, @Body() body: SupplementDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<SupplementReply> {
    const cmd: Command<SupplementRequest> = { actor, data: { caseNo: p.caseNo, materials: body.materials, ...(body.note !== undefined ? { note: body.note } : {}) } };
    return this.rpc.request(Rpc.intake.supplement, cmd, { correlationId });
  }

  @Post(':caseNo/withdraw')
  @HttpCode(200)
  @Roles('CLERK')
  @CaseScoped()
  @ApiOperation({
    summary: 'The applicant withdraws the application (撤回).',
    description:
      'Until the case is rejected or its result leaves the window. Open review tasks are cancelled, an unpaid payment notice is voided ' +
      '(a paid one is marked REFUND_DUE), a result waiting for pickup or dispatch is cancelled.',
  })
  @ApiBody({ type: WithdrawDto, examples: { withdraw: { summary: 'At the applicant’s request', value: { reason: '申请人主动撤回申请' } } } })
  @ApiOkResponse({ type: WithdrawReplyDto })
  @ApiIdempotent()
  @ApiErrors([400, 404, 409, 503], {
    404: { code: 'CASE.NOT_FOUND', message: 'No case 510704202611230000427' },
    409: { code: 'CASE.NOT_WITHDRAWABLE', message: 'Case 510704202611230000427 is DELIVERED and can no longer be withdrawn.', status: 'DELIVERED' },
  })
  withdraw(@Param() p: CaseNoParam, @Body() body: WithdrawDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<WithdrawReply> {
    const cmd: Command<WithdrawRequest> = { actor, data: { caseNo: p.caseNo, reason: body.reason } };
    return this.rpc.request(Rpc.intake.withdraw, cmd, { correlationId });
  }

  @Get(':caseNo/receipt')
  @Roles('CLERK', 'SUPERVISOR')
  @CaseScoped()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({
    summary: 'The acceptance receipt (受理通知书) as a printable HTML page.',
    description:
      'Case number, item (as named by the version the case was accepted under), applicant (ID and phone masked), materials received and ' +
      'pending, promised and legal deadlines (Beijing time), the deciding authority of a reported item, the accepting center and clerk.',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'text/html; charset=utf-8', schema: { type: 'string', example: '<!DOCTYPE html><html lang="zh-CN">…受理通知书…</html>' } })
  @ApiErrors([400, 404, 503])
  async receipt(@Param() p: CaseNoParam, @CorrelationId() correlationId: string): Promise<string> {
    const view = await this.rpc.request(Rpc.intake.receipt, { caseNo: p.caseNo }, { correlationId });
    const clerk = await this.users.find(view.acceptedBy).catch(() => undefined);
    return renderReceipt(view, clerk?.displayName);
  }
}
