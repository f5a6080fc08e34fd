import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { queryOne, queryRows } from '#libs/persistence';

export interface OpinionRow {
  id: string;
  case_no: string;
  department: string;
  author: string;
  on_behalf_of: string | null;
  opinion: string;
  created_at: Date;
}

export interface NewOpinion {
  id: string;
  caseNo: string;
  department: string;
  author: string;
  onBehalfOf: string | null;
  opinion: string;
}

const COLUMNS = `id, case_no, department, author, on_behalf_of, opinion, created_at`;

/** approval.opinions (会商): kept, never edited. */
@Injectable()
export class OpinionRepository {
  constructor(private readonly ds: DataSource) {}

  async add(m: EntityManager, o: NewOpinion): Promise<OpinionRow> {
    return (await queryOne<OpinionRow>(
      m,
      `INSERT INTO approval.opinions (id, case_no, department, author, on_behalf_of, opinion)
       VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING ${COLUMNS}`,
      [o.id, o.caseNo, o.department, o.author, o.onBehalfOf, o.opinion],
    ))!;
  }

  /** Oldest first. */
  ofCase(caseNo: string): Promise<OpinionRow[]> {
    return queryRows<OpinionRow>(this.ds.manager, `SELECT ${COLUMNS} FROM approval.opinions WHERE case_no = $1 ORDER BY created_at, id`, [caseNo]);
  }
}
