import { ApiPropertyOptional } from '@nestjs/swagger';
import { ListNoticesSchema, NOTICE_STATUSES } from '#libs/contracts';

/** The rules are ListNoticesSchema's (#libs/contracts), shared with the fees service; this adds the OpenAPI text. */
export class ListNoticesQuery extends ListNoticesSchema {
  @ApiPropertyOptional({ enum: NOTICE_STATUSES, example: 'UNPAID', description: 'EXPIRED: unpaid past its expiry (reissue it).' })
  override status?: string;

  @ApiPropertyOptional({ example: 'NRB', description: 'Notices with a line collected by this department.' })
  override department?: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'Issued on or after this Asia/Shanghai date.' })
  override from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Issued on or before this Asia/Shanghai date.' })
  override to?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' })
  override cursor?: string;

  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: 200, default: 50 })
  override limit?: number;
}
