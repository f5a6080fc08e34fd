import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The longest a staff screen's request waits for a case to change (a proxy's idle timeout is usually 60 s). */
export const MAX_WAIT_SECONDS = 30;

export class CaseViewQueryDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_WAIT_SECONDS,
    default: 0,
    example: 25,
    description:
      'Long-poll, with If-None-Match: when the view still has that ETag, wait up to this many seconds for the case to change ' +
      'before answering 304. Answers at once when the ETag differs, without If-None-Match, or with 0.',
  })
  @IsOptional()
  // Plain digits only: Number() would also take '0x10', '1e1' or '' (and hold a request for a number nobody wrote).
  @Transform(({ value }) => (typeof value === 'string' && /^\d{1,3}$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(0)
  @Max(MAX_WAIT_SECONDS)
  waitSeconds?: number;
}
