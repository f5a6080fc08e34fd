import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/roles.decorator.js';
import { ApiErrors } from '../common/api-docs.js';
import { CaseNoParam } from '../common/params.dto.js';
import { CorrelationId } from '../http/request-context.js';
import { RateLimited } from '../rate-limit/rate-limit.guard.js';
import { PublicCaseQuery } from './dto/public-case.query.js';
import { PublicCaseStatusDto } from './dto/public-case-status.dto.js';
import { PublicCasesService } from './public-cases.service.js';

@ApiTags('public')
@Public()
@RateLimited('public')
@Controller('public/cases')
export class PublicCasesController {
  constructor(private readonly cases: PublicCasesService) {}

  @Get(':caseNo')
  @ApiOperation({ summary: '"Where is my case?" for the applicant: case number plus the last 4 characters of their ID. No login.' })
  @ApiOkResponse({ type: PublicCaseStatusDto })
  @ApiErrors([400, 404, 429, 503], { 404: { code: 'CASE.NOT_FOUND', message: 'No case matches this number and ID ending.' } })
  status(@Param() p: CaseNoParam, @Query() q: PublicCaseQuery, @CorrelationId() correlationId: string): Promise<PublicCaseStatusDto> {
    return this.cases.status(p.caseNo, q.idTail, correlationId);
  }
}
