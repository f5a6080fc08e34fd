import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rpc, type AuditPage, type AuditQuery } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors, ApiStaff } from '../common/api-docs.js';
import { CorrelationId } from '../http/request-context.js';
import { DepartmentCodeParam } from '../staff/department-param.js';
import { AuditPageDto, AuditQueryDto } from './dto/audit.dto.js';

@ApiTags('audit')
@ApiStaff()
@Controller('departments/:code/audit')
export class DepartmentAuditController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Roles('ADMIN', 'SUPERVISOR')
  @ApiOperation({
    summary: "The department's audit trail, newest first: decisions, assignments, bulk actions, delegations, surveys and opinions, each with who acted (and for whom).",
  })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiErrors([400, 503])
  list(@Param() p: DepartmentCodeParam, @Query() q: AuditQueryDto, @CorrelationId() correlationId: string): Promise<AuditPage> {
    const query: AuditQuery = { department: p.code, action: q.action, cursor: q.cursor, limit: q.limit };
    return this.rpc.request(Rpc.approval.departmentAudit, query, { correlationId });
  }
}
