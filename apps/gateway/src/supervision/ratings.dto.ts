import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FOLLOW_UP_NOTE_MAX_LENGTH, FOLLOW_UP_STATUSES, FollowUpCloseSchema, FollowUpsQuerySchema, type FollowUpStatus } from '#libs/contracts';
import { IsResourceId } from '../common/ids.js';

export class FollowUpsQuery extends FollowUpsQuerySchema {
  @ApiPropertyOptional({ enum: FOLLOW_UP_STATUSES, description: 'OPEN: still to be closed (soonest due first); CLOSED: done. Both when absent.' })
  override status?: FollowUpStatus;
}

export class FollowUpIdParam {
  @IsResourceId('0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5e')
  id: string;
}

/** The rules are FollowUpCloseSchema's (#libs/contracts), shared with the routing service. */
export class CloseFollowUpDto extends FollowUpCloseSchema {
  @ApiProperty({ example: '已回访申请人，窗口增设取号提醒，等待时间已缩短', maxLength: FOLLOW_UP_NOTE_MAX_LENGTH, description: 'What was done (整改情况).' })
  override note: string;
}

export class RatingFollowUpDto {
  @ApiProperty({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5e' }) followUpId: string;
  @ApiProperty({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5d' }) ratingId: string;
  @ApiProperty({ example: '510704202611230000427' }) caseNo: string;
  @ApiProperty({ example: 'RE-TRANSFER' }) itemCode: string;
  @ApiProperty({ example: '不动产转移登记(存量房买卖)' }) itemName: string;
  @ApiProperty({ example: ['HUD', 'TAX', 'NRB'], description: 'The departments that reviewed the case.' }) departments: string[];
  @ApiProperty({ example: 2 }) score: number;
  @ApiPropertyOptional({ example: '等待时间太长' }) comment?: string;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES, example: 'OPEN' }) status: string;
  @ApiProperty({ example: '2026-12-03T10:15:30+08:00' }) openedAt: string;
  @ApiProperty({ example: '2026-12-10T23:59:59+08:00', description: 'The end of the 5th working day after the rating.' }) dueAt: string;
  @ApiProperty({ example: false, description: 'Still open past its due time, or closed after it.' }) overdue: boolean;
  @ApiPropertyOptional({ example: '2026-12-05T16:00:00+08:00' }) closedAt?: string;
  @ApiPropertyOptional({ example: 'supervisor1' }) closedBy?: string;
  @ApiPropertyOptional({ example: '已回访申请人，窗口增设取号提醒' }) note?: string;
}

export class RatingFiguresDto {
  @ApiProperty({ example: 12 }) count: number;
  @ApiProperty({ example: 4.25, nullable: true, description: 'Two decimals; null without ratings.' }) average: number | null;
  @ApiProperty({ example: 1, description: 'Ratings of 1 or 2 (差评).' }) poor: number;
  @ApiProperty({ example: 0.0833, nullable: true, description: 'poor / count, four decimals; null without ratings.' }) poorShare: number | null;
}

export class DepartmentRatingsDto extends RatingFiguresDto {
  @ApiProperty({ example: 'TAX' }) department: string;
}

export class ItemRatingsDto extends RatingFiguresDto {
  @ApiProperty({ example: 'RE-TRANSFER' }) itemCode: string;
  @ApiProperty({ example: '不动产转移登记(存量房买卖)' }) itemName: string;
}

export class RatingSummaryDto {
  @ApiProperty({ example: '2026-11-01' }) from: string;
  @ApiProperty({ example: '2026-11-30' }) to: string;
  @ApiProperty({ example: '2026-11-30T18:00:00+08:00' }) generatedAt: string;
  @ApiProperty({ type: RatingFiguresDto }) overall: RatingFiguresDto;
  @ApiProperty({ type: [DepartmentRatingsDto], description: 'A rating counts for every department that reviewed its case.' }) departments: DepartmentRatingsDto[];
  @ApiProperty({ type: [ItemRatingsDto] }) items: ItemRatingsDto[];
}
