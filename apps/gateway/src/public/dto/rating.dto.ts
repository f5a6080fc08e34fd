import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RATING_COMMENT_MAX_LENGTH, RatingSchema } from '#libs/contracts';

/** The rules are RatingSchema's (#libs/contracts), shared with the routing service; this adds the OpenAPI text. */
export class RatingDto extends RatingSchema {
  @ApiProperty({ example: '20002X', pattern: '^[0-9A-Za-z]{6}$', description: "The last six characters of the applicant's ID number (or credit code)." })
  override idTail: string;

  @ApiProperty({ example: 5, minimum: 1, maximum: 5, description: '1 (很不满意) to 5 (非常满意); 1 or 2 is a 差评 and opens a follow-up by a supervisor.' })
  override score: number;

  @ApiPropertyOptional({ example: '窗口人员态度很好，一次办成', maxLength: RATING_COMMENT_MAX_LENGTH })
  override comment?: string;
}

export class RatingReplyDto {
  @ApiProperty({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5d' }) ratingId: string;
  @ApiProperty({ example: '510704202611230000427' }) caseNo: string;
  @ApiProperty({ example: 2 }) score: number;
  @ApiPropertyOptional({ example: '等待时间太长' }) comment?: string;
  @ApiProperty({ example: '2026-12-03T10:15:30+08:00' }) ratedAt: string;
  @ApiPropertyOptional({
    example: { followUpId: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5e', dueAt: '2026-12-10T23:59:59+08:00' },
    description: 'A 差评 (1 or 2): the follow-up (差评整改) it opened and when a supervisor must have closed it.',
  })
  followUp?: { followUpId: string; dueAt: string };
}
