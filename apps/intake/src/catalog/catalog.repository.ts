import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, ErrorCodes, type DepartmentView, type ServiceItem } from '#libs/contracts';
import { queryOne, queryRows } from '#libs/persistence';

/** The newest published version of an item, as stored. */
export interface LatestVersion {
  version: number;
  definition: unknown;
  published_at: Date;
}

/** The catalog (事项目录): published versions of each item (never changed once published) and the departments. */
@Injectable()
export class CatalogRepository {
  constructor(private readonly ds: DataSource) {}

  /** The latest published version of each item. */
  async listItems(): Promise<ServiceItem[]> {
    const rows = await queryRows<{ definition: ServiceItem; version: number }>(
      this.ds.manager,
      `SELECT DISTINCT ON (code) definition, version FROM intake.service_items ORDER BY code, version DESC`,
    );
    return rows.map((r) => ({ ...r.definition, version: r.version }));
  }

  /** The latest published version, or 404. */
  async getItem(code: string): Promise<ServiceItem> {
    const row = await queryOne<{ definition: ServiceItem; version: number }>(
      this.ds.manager,
      `SELECT definition, version FROM intake.service_items WHERE code = $1 ORDER BY version DESC LIMIT 1`,
      [code],
    );
    if (!row) throw AppError.notFound(ErrorCodes.ITEM_NOT_FOUND, `No service item ${code} in the catalog`);
    return { ...row.definition, version: row.version };
  }

  /** One published version: what a case accepted under it keeps answering to, whatever was published since. */
  async getItemVersion(m: EntityManager, code: string, version: number): Promise<ServiceItem> {
    const row = await queryOne<{ definition: ServiceItem }>(m, `SELECT definition FROM intake.service_items WHERE code = $1 AND version = $2`, [code, version]);
    if (!row) throw AppError.notFound(ErrorCodes.ITEM_NOT_FOUND, `No version ${version} of service item ${code} in the catalog`);
    return { ...row.definition, version };
  }

  /** Publishers of one item queue here until the transaction ends, so versions never collide. */
  async lockItemCode(m: EntityManager, code: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`catalog:${code}`]);
  }

  latestVersion(m: EntityManager, code: string): Promise<LatestVersion | undefined> {
    return queryOne<LatestVersion>(
      m,
      `SELECT version, definition, published_at FROM intake.service_items WHERE code = $1 ORDER BY version DESC LIMIT 1`,
      [code],
    );
  }

  /** Version 1 of a new item; undefined when the code is taken. */
  async addFirstVersion(m: EntityManager, code: string, name: unknown, definition: unknown, publishedBy: string): Promise<Date | undefined> {
    const [row] = await queryRows<{ published_at: Date }>(
      m,
      `INSERT INTO intake.service_items (code, version, name, definition, published_by) VALUES ($1, 1, $2, $3::jsonb, $4)
       ON CONFLICT (code, version) DO NOTHING RETURNING published_at`,
      [code, name, JSON.stringify(definition), publishedBy],
    );
    return row?.published_at;
  }

  /** The next version of an item; call under lockItemCode. */
  async addVersion(m: EntityManager, code: string, version: number, name: unknown, definition: unknown, publishedBy: string): Promise<Date> {
    const [row] = await queryRows<{ published_at: Date }>(
      m,
      `INSERT INTO intake.service_items (code, version, name, definition, published_by) VALUES ($1, $2, $3, $4::jsonb, $5) RETURNING published_at`,
      [code, version, name, JSON.stringify(definition), publishedBy],
    );
    return row.published_at;
  }

  listDepartments(m: EntityManager): Promise<DepartmentView[]> {
    return queryRows<DepartmentView>(m, `SELECT code, name FROM intake.departments ORDER BY code`);
  }

  async departmentName(code: string): Promise<string | undefined> {
    return (await queryOne<{ name: string }>(this.ds.manager, `SELECT name FROM intake.departments WHERE code = $1`, [code]))?.name;
  }

  /** Demo seeding: a department, unless it is there already. */
  async seedDepartment(m: EntityManager, d: DepartmentView): Promise<void> {
    await m.query(`INSERT INTO intake.departments (code, name) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [d.code, d.name]);
  }

  /** Demo seeding: version 1 of an item, unless it is there already. */
  async seedItem(m: EntityManager, item: { code: string; name: string }): Promise<void> {
    await m.query(
      `INSERT INTO intake.service_items (code, version, name, definition) VALUES ($1, 1, $2, $3::jsonb) ON CONFLICT DO NOTHING`,
      [item.code, item.name, JSON.stringify(item)],
    );
  }
}
