import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors, ApiStaff } from '../common/api-docs.js';
import { CorrelationId } from '../http/request-context.js';
import { AuditRecord, type AuditPage, type AuditVerification } from './audit-record.js';
import { AuditListQuery, AuditPageDto, AuditPeriodQuery, AuditVerificationDto } from './dto/audit.dto.js';

/** 电子监察留痕: the hash-chained audit record of requests (gateway) and case events (routing), read-only. */
@ApiTags('supervision')
@ApiStaff()
@Roles('SUPERVISOR')
@Controller('supervision/audit')
export class AuditController {
  constructor(private readonly record: AuditRecord) {}

  @Get()
  @ApiOperation({
    summary: 'The audit record, newest first: every state-changing request (who, what, which object, when, from where, outcome) and every case event.',
  })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiErrors([400, 503])
  list(@Query() q: AuditListQuery, @CorrelationId() correlationId: string): Promise<AuditPage> {
    return this.record.list(q, correlationId);
  }

  @Get('verify')
  @ApiOperation({
    summary: 'Recomputes both hash chains over the entries of a period and names, per chain, the first entry whose link does not hold.',
  })
  @ApiOkResponse({ type: AuditVerificationDto })
  @ApiErrors([400, 503])
  verify(@Query() q: AuditPeriodQuery, @CorrelationId() correlationId: string): Promise<AuditVerification> {
    return this.record.verify(q, correlationId);
  }
}
