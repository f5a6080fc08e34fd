import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toShanghai } from '#libs/calendar';
import { AppError, ErrorCodes, type Command, type PublishItemReply, type PublishItemRequest } from '#libs/contracts';
import { CatalogRepository } from '../catalog/catalog.repository.js';
import { checkDefinition, requireAdmin } from './definition-check.js';

/**
 * The catalog is data (事项目录): an administrator adds an item or publishes a new version of one. Versions are
 * never changed once published; a case keeps the version it was accepted under (intake.cases.item_version), so a
 * later version changes only the cases accepted after it.
 */
@Injectable()
export class CreateItem {
  constructor(
    private readonly ds: DataSource,
    private readonly catalog: CatalogRepository,
  ) {}

  /** A new item: version 1. 409 when the code is taken (publish a new version instead). */
  async execute(cmd: Command<PublishItemRequest>): Promise<PublishItemReply> {
    requireAdmin(cmd);
    const definition = cmd.data?.definition as unknown as Record<string, unknown>;
    return this.ds.transaction(async (m) => {
      await checkDefinition(this.catalog, m, definition, []);
      const code = definition.code as string;
      const publishedAt = await this.catalog.addFirstVersion(m, code, definition.name, definition, cmd.actor.id);
      if (!publishedAt) throw AppError.conflict(ErrorCodes.CATALOG_ITEM_EXISTS, `Service item ${code} already exists; publish a new version with PUT /catalog/items/${code}.`);
      return { code, version: 1, name: definition.name as string, publishedAt: toShanghai(publishedAt)! };
    });
  }
}
