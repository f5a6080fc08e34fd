import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CaseStatus } from '#libs/contracts';
import { PageQuery } from '../../common/page.query.js';

const STATUSES = Object.values(CaseStatus);

export class CaseSearchQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: STATUSES, example: 'IN_REVIEW' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ example: 'RE-TRANSFER' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  itemCode?: string;

  @ApiPropertyOptional({ description: 'First acceptance day (Asia/Shanghai), inclusive.', example: '2026-11-01' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'acceptedFrom must be a day, YYYY-MM-DD' })
  acceptedFrom?: string;

  @ApiPropertyOptional({ description: 'Last acceptance day (Asia/Shanghai), inclusive.', example: '2026-11-30' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'acceptedTo must be a day, YYYY-MM-DD' })
  acceptedTo?: string;
}

export class CaseSummaryDto {
  @ApiProperty({ example: '510704202611230000427' }) caseNo: string;
  @ApiProperty({ example: 'RE-TRANSFER' }) itemCode: string;
  @ApiProperty({ example: '不动产转移登记(存量房买卖)' }) itemName: string;
  @ApiProperty({ enum: STATUSES, example: 'IN_REVIEW' }) status: string;
  @ApiProperty({ example: '2026-11-23T10:05:11+08:00' }) acceptedAt: string;
  @ApiProperty({ example: '2026-11-30T23:59:59+08:00' }) promisedDeadline: string;
  @ApiProperty({ example: '2027-01-05T23:59:59+08:00' }) legalDeadline: string;
}

export class CaseSearchPageDto {
  @ApiProperty({ type: [CaseSummaryDto] }) items: CaseSummaryDto[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor: string | null;
}
