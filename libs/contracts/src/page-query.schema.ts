// class-transformer's @Type reads design-time types when the class is defined, whoever imports #libs/contracts.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export const MAX_PAGE_LIMIT = 200;

/** Decorators applied as if stacked above a property in this order (the lowest one first, as TypeScript does). */
function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorate of [...decorators].reverse()) decorate(target, key);
  };
}

/** The rules of a page cursor: opaque, from the previous page's nextCursor. */
export const IsPageCursor = (): PropertyDecorator =>
  stacked(IsOptional(), IsString(), Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be a nextCursor from an earlier page' }));

/** The rules of a page size: 1 to MAX_PAGE_LIMIT (a query string's digits count). */
export const IsPageLimit = (): PropertyDecorator => stacked(IsOptional(), Type(() => Number), IsInt(), Min(1), Max(MAX_PAGE_LIMIT));

/**
 * Cursor paging, the same for every list that pages. A query schema extends it, or, when its own fields must come
 * first in the problems it lists (class-validator lists a parent's fields after the class's own, and an extending
 * DTO declares none), declares `cursor` and `limit` last with IsPageCursor() and IsPageLimit().
 */
export class PageQuerySchema {
  @IsPageCursor()
  cursor?: string;

  @IsPageLimit()
  limit?: number;
}
