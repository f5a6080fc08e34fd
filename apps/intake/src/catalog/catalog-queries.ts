import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, ErrorCodes, type CenterView, type DepartmentView, type ServiceItem } from '#libs/contracts';
import { queryOne, queryRows } from '#libs/persistence';

export interface Center {
  code: string;
  name: string;
  level: string;
  region: string;
}

/** Reads of the catalog (事项目录): the latest published version of each item, departments and centers. */
@Injectable()
export class CatalogQueries {
  constructor(private readonly ds: DataSource) {}

  async listItems(): Promise<ServiceItem[]> {
    const rows = await queryRows<{ definition: ServiceItem; version: number }>(
      this.ds.manager,
      `SELECT DISTINCT ON (code) definition, version FROM intake.service_items ORDER BY code, version DESC`,
    );
    return rows.map((r) => ({ ...r.definition, version: r.version }));
  }

  async getItem(code: string, m: EntityManager = this.ds.manager): Promise<ServiceItem> {
    const row = await queryOne<{ definition: ServiceItem; version: number }>(
      m,
      `SELECT definition, version FROM intake.service_items WHERE code = $1 ORDER BY version DESC LIMIT 1`,
      [code],
    );
    if (!row) throw AppError.notFound(ErrorCodes.ITEM_NOT_FOUND, `No service item ${code} in the catalog`);
    return { ...row.definition, version: row.version };
  }

  /** One published version: what a case accepted under it keeps answering to, whatever was published since. */
  async getItemVersion(code: string, version: number, m: EntityManager = this.ds.manager): Promise<ServiceItem> {
    const row = await queryOne<{ definition: ServiceItem }>(m, `SELECT definition FROM intake.service_items WHERE code = $1 AND version = $2`, [code, version]);
    if (!row) throw AppError.notFound(ErrorCodes.ITEM_NOT_FOUND, `No version ${version} of service item ${code} in the catalog`);
    return { ...row.definition, version };
  }

  async getCenter(code: string): Promise<Center | undefined> {
    return queryOne<Center>(this.ds.manager, `SELECT code, name, level, region FROM intake.centers WHERE code = $1`, [code]);
  }

  listDepartments(m: EntityManager = this.ds.manager): Promise<DepartmentView[]> {
    return queryRows<DepartmentView>(m, `SELECT code, name FROM intake.departments ORDER BY code`);
  }

  async departmentName(code: string): Promise<string | undefined> {
    return (await queryOne<{ name: string }>(this.ds.manager, `SELECT name FROM intake.departments WHERE code = $1`, [code]))?.name;
  }

  /** County center first, then townships, each by code. */
  listCenters(): Promise<CenterView[]> {
    return queryRows<CenterView>(
      this.ds.manager,
      `SELECT code, name, level, region FROM intake.centers
        ORDER BY CASE level WHEN 'province' THEN 0 WHEN 'city' THEN 1 WHEN 'county' THEN 2 WHEN 'township' THEN 3 ELSE 4 END, code`,
    );
  }
}
