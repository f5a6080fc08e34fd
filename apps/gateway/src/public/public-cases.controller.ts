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
  @ApiOperation({
    summary:
      '"Where is my case?" for the applicant: case number plus the last 6 characters of their ID. No login. Status, the current step in words, ' +
      'the promised date and a timeline without names or personal data; no pickup code (the result-ready SMS has it). ' +
      'A wrong ID ending answers 404 like an unknown case; 10 wrong endings within 15 minutes lock the case number for 15 minutes (429 PUBLIC.LOOKUP_LOCKED).',
  })
  @ApiOkResponse({ type: PublicCaseStatusDto })
  @ApiErrors([400, 404, 429, 503], {
    404: { code: 'CASE.NOT_FOUND', message: 'No case matches this number and ID ending.' },
    429: { code: 'PUBLIC.LOOKUP_LOCKED', message: 'Too many wrong ID endings for this case number (10 within 15 minutes); try again in 900 s.', retryAfterSeconds: 900 },
  })
  status(@Param() p: CaseNoParam, @Query() q: PublicCaseQuery, @CorrelationId() correlationId: string): Promise<PublicCaseStatusDto> {
    return this.cases.status(p.caseNo, q.idTail, correlationId);
  }
}
