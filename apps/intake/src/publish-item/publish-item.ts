import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toShanghai } from '#libs/calendar';
import { AppError, ErrorCodes, type Command, type Problem, type PublishItemReply, type PublishItemRequest } from '#libs/contracts';
import { CatalogRepository } from '../catalog/catalog.repository.js';
import { checkDefinition, requireAdmin } from './definition-check.js';

/**
 * The catalog is data (事项目录): an administrator adds an item or publishes a new version of one. Versions are
 * never changed once published; a case keeps the version it was accepted under (intake.cases.item_version), so a
 * later version changes only the cases accepted after it.
 */
@Injectable()
export class PublishItem {
  constructor(
    private readonly ds: DataSource,
    private readonly catalog: CatalogRepository,
  ) {}

  /** The next version of an existing item; publishers of one item queue on an advisory lock, so versions never collide. */
  async execute(cmd: Command<PublishItemRequest>): Promise<PublishItemReply> {
    requireAdmin(cmd);
    const code = String(cmd.data?.code ?? '');
    const definition = cmd.data?.definition as unknown as Record<string, unknown>;
    const pathProblems: Problem[] =
      definition && typeof definition === 'object' && definition.code !== undefined && definition.code !== code
        ? [{ field: 'code', rule: 'matchesPath', message: `the definition's code ${JSON.stringify(definition.code)} is not the item ${code} being published` }]
        : [];
    const full = definition && typeof definition === 'object' ? { ...definition, code } : definition;
    return this.ds.transaction(async (m) => {
      await this.catalog.lockItemCode(m, code);
      const latest = await this.catalog.latestVersion(m, code);
      if (!latest) throw AppError.notFound(ErrorCodes.ITEM_NOT_FOUND, `No service item ${code} in the catalog; create it with POST /catalog/items.`);
      await checkDefinition(this.catalog, m, full, pathProblems);
      // The same definition again (a retried PUT) publishes nothing new: PUT stays idempotent.
      if (canonical(latest.definition) === canonical(full)) {
        return { code, version: latest.version, name: (full as Record<string, unknown>).name as string, publishedAt: toShanghai(latest.published_at)! };
      }
      const version = latest.version + 1;
      const publishedAt = await this.catalog.addVersion(m, code, version, (full as Record<string, unknown>).name, full, cmd.actor.id);
      return { code, version, name: (full as Record<string, unknown>).name as string, publishedAt: toShanghai(publishedAt)! };
    });
  }
}

/** JSON with object keys sorted: jsonb does not keep key order, so compare like with like. */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}
