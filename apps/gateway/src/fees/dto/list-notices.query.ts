import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const NOTICE_STATUSES = ['UNPAID', 'PAID', 'VOID', 'REFUND_DUE', 'REFUNDED'] as const;

export class ListNoticesQuery {
  @ApiPropertyOptional({ enum: NOTICE_STATUSES, example: 'UNPAID' })
  @IsOptional()
  @IsIn(NOTICE_STATUSES)
  status?: (typeof NOTICE_STATUSES)[number];
}
