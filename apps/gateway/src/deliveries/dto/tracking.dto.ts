import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TRACKING_STATUSES, TrackingBodySchema, type TrackingStatus } from '#libs/contracts';

/** The rules are TrackingBodySchema's (#libs/contracts), shared with the delivery service. */
export class TrackingDto extends TrackingBodySchema {
  @ApiProperty({
    enum: TRACKING_STATUSES,
    example: 'FAILED',
    description: 'FAILED: the attempt failed; the delivery goes back to READY for a new batch, or after DELIVERY_MAX_ATTEMPTS (default 2) to the accepting center (RETURNED_TO_WINDOW).',
  })
  override status: TrackingStatus;

  @ApiProperty({ example: '2026-12-03T15:20:00+08:00', description: 'When it happened, with its offset; not in the future nor before the dispatch.' })
  override at: string;

  @ApiPropertyOptional({ example: '收件人电话无人接听', maxLength: 500 })
  override note?: string;
}
