import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CenterView } from '#libs/contracts';
import { queryOne, queryRows } from '#libs/persistence';

export interface Center {
  code: string;
  name: string;
  level: string;
  region: string;
}

/** intake.centers: the service centers (county, townships) that accept cases. */
@Injectable()
export class CenterRepository {
  constructor(private readonly ds: DataSource) {}

  find(code: string): Promise<Center | undefined> {
    return queryOne<Center>(this.ds.manager, `SELECT code, name, level, region FROM intake.centers WHERE code = $1`, [code]);
  }

  /** What a receipt prints of the center. */
  heading(code: string): Promise<Pick<Center, 'code' | 'name' | 'level'> | undefined> {
    return queryOne<{ code: string; name: string; level: string }>(this.ds.manager, `SELECT code, name, level FROM intake.centers WHERE code = $1`, [code]);
  }

  async nameOf(code: string): Promise<string | undefined> {
    return (await queryOne<{ name: string }>(this.ds.manager, `SELECT name FROM intake.centers WHERE code = $1`, [code]))?.name;
  }

  /** County center first, then townships, each by code. */
  list(): Promise<CenterView[]> {
    return queryRows<CenterView>(
      this.ds.manager,
      `SELECT code, name, level, region FROM intake.centers
        ORDER BY CASE level WHEN 'province' THEN 0 WHEN 'city' THEN 1 WHEN 'county' THEN 2 WHEN 'township' THEN 3 ELSE 4 END, code`,
    );
  }

  /** Demo seeding: a center, unless it is there already. */
  async seed(m: EntityManager, c: Center): Promise<void> {
    await m.query(`INSERT INTO intake.centers (code, name, level, region) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
      c.code,
      c.name,
      c.level,
      c.region,
    ]);
  }
}
