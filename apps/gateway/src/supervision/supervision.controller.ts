import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rpc, type SupervisionStatsView, type SupervisionWarningView } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors, ApiStaff } from '../common/api-docs.js';
import { CorrelationId } from '../http/request-context.js';
import { StatsQuery, SupervisionStatsDto, SupervisionWarningDto, WarningsQuery } from './supervision.dto.js';

/** 电子监察: what routing's clock sees, for supervisors. */
@ApiTags('supervision')
@ApiStaff()
@Roles('SUPERVISOR')
@Controller('supervision')
export class SupervisionController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('warnings')
  @ApiOperation({
    summary: 'Yellow warnings and red cards now: cases and tasks still running that used ≥ 80% of their time, or are overdue.',
  })
  @ApiOkResponse({ type: [SupervisionWarningDto] })
  @ApiErrors([400, 503])
  warnings(@Query() q: WarningsQuery, @CorrelationId() correlationId: string): Promise<SupervisionWarningView[]> {
    return this.rpc.request(Rpc.routing.supervisionWarnings, { department: q.department, level: q.level }, { correlationId });
  }

  @Get('stats')
  @ApiOperation({ summary: 'Per department and per item: accepted, completed, on time, overdue, average and p90 working days, open now.' })
  @ApiOkResponse({ type: SupervisionStatsDto })
  @ApiErrors([400, 422, 503])
  stats(@Query() q: StatsQuery, @CorrelationId() correlationId: string): Promise<SupervisionStatsView> {
    return this.rpc.request(Rpc.routing.supervisionStats, { from: q.from, to: q.to }, { correlationId });
  }
}
