import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_PAGE_LIMIT, PageQuerySchema } from '#libs/contracts';

/** How the page fields are documented, here and on a list query that extends a shared schema (WorklistQuery). */
export const PAGE_CURSOR_DOC = {
  description: 'nextCursor of the previous page (opaque).',
  example: 'WyIyMDI2LTExLTMwVDE1OjU5OjU5LjAwMDAwMFoiLCIwMTkzYTFiMi03YzNkLTdlNGYtOGE5Yi0wYzFkMmUzZjRhNWIiXQ',
};
export const PAGE_LIMIT_DOC = { minimum: 1, maximum: MAX_PAGE_LIMIT, default: 50, example: 50 };

/** Cursor paging shared by every list that pages: the rules are PageQuerySchema's (#libs/contracts). */
export class PageQuery extends PageQuerySchema {
  @ApiPropertyOptional(PAGE_CURSOR_DOC)
  override cursor?: string;

  @ApiPropertyOptional(PAGE_LIMIT_DOC)
  override limit?: number;
}
