import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** Cursor paging shared by every list that pages: an opaque cursor from the previous page and a page size. */
export class PageQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page (opaque).', example: 'WyIyMDI2LTExLTMwVDE1OjU5OjU5LjAwMDAwMFoiLCIwMTkzYTFiMi03YzNkLTdlNGYtOGE5Yi0wYzFkMmUzZjRhNWIiXQ' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be a nextCursor from an earlier page' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50, example: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
