import type { EntityManager } from 'typeorm';
import { AppError, ErrorCodes, type Command, type Problem } from '#libs/contracts';
import type { CatalogRepository } from '../catalog/catalog.repository.js';
import { itemProblems } from './item-rules.js';

/** Every problem of an item definition at once (422 CATALOG.INVALID); the departments it names must exist. */
export async function checkDefinition(catalog: CatalogRepository, m: EntityManager, definition: unknown, extra: Problem[]): Promise<void> {
  const departments = new Set((await catalog.listDepartments(m)).map((d) => d.code));
  const problems = [...extra, ...itemProblems(definition, { departments })];
  if (problems.length) throw AppError.invalid(ErrorCodes.CATALOG_INVALID, problems, 'The item definition has problems; every one is listed. Nothing was published.');
}

export function requireAdmin(cmd: Command<unknown>): void {
  if (cmd?.actor?.role !== 'ADMIN') throw AppError.forbidden(ErrorCodes.AUTH_FORBIDDEN, 'Only an administrator publishes catalog items.');
}
