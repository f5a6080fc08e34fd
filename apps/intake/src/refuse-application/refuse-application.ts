import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toShanghai } from '#libs/calendar';
import { maskIdNumber, maskPhone } from '#libs/checks';
import { AppError, ErrorCodes, type Command, type RefusalView, type RefuseRequest, type ServiceItem } from '#libs/contracts';
import { queryOne } from '#libs/persistence';
import { CatalogQueries } from '../catalog/catalog-queries.js';
import { DOCUMENT_PREFIX, isDocumentNo, refusalNo } from '../one-time-notice/document-number.js';
import { refusalProblems } from './refusal-rules.js';

interface RefusalRow {
  refusal_no: string;
  item_code: string;
  item_version: number;
  item_name: string;
  center_code: string;
  applicant: RefusalView['applicant'];
  reason: string;
  refused_at: Date;
  refused_by: string;
}

/**
 * 不予受理: the application is outside what this center may accept (not its competence, not a matter for
 * administrative licensing, …). It gets a numbered written refusal with the reason; no case number is used.
 */
@Injectable()
export class RefuseApplication {
  constructor(
    private readonly ds: DataSource,
    private readonly catalog: CatalogQueries,
  ) {}

  async refuse(cmd: Command<RefuseRequest>): Promise<RefusalView> {
    const req = cmd.data;
    const item = await this.catalog.getItem(String(req?.itemCode ?? '')).catch((e: unknown) => {
      if (e instanceof AppError && e.status === 404) return undefined;
      throw e;
    });
    const center = await this.catalog.getCenter(String(req?.centerCode ?? ''));
    const problems = refusalProblems(req, { item: !!item, center: !!center });
    if (problems.length) throw AppError.invalid(ErrorCodes.REFUSAL_INVALID, problems);

    const refusedAt = new Date();
    const seq = await queryOne<{ n: string }>(this.ds.manager, `SELECT nextval('intake.refusal_seq') AS n`);
    const { type, name, idType, idNumber, phone } = req.applicant;
    const applicant = { type, name: name.trim(), idType, idNumber: idNumber.toUpperCase(), ...(phone ? { phone } : {}) };
    const row = await queryOne<RefusalRow>(
      this.ds.manager,
      `INSERT INTO intake.refusals (refusal_no, item_code, item_version, item_name, center_code, applicant, reason, refused_at, refused_by)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9) RETURNING *`,
      [refusalNo(refusedAt, seq!.n), (item as ServiceItem).code, item!.version ?? 1, item!.name, req.centerCode, JSON.stringify(applicant), req.reason.trim(), refusedAt, cmd.actor.id],
    );
    return toView(row!);
  }

  async get(no: string): Promise<RefusalView> {
    const row = isDocumentNo(DOCUMENT_PREFIX.refusal, no)
      ? await queryOne<RefusalRow>(this.ds.manager, `SELECT * FROM intake.refusals WHERE refusal_no = $1`, [no])
      : undefined;
    if (!row) throw AppError.notFound(ErrorCodes.REFUSAL_NOT_FOUND, `No refusal ${no}.`);
    return toView(row);
  }
}

function toView(r: RefusalRow): RefusalView {
  const { phone, ...applicant } = r.applicant;
  return {
    refusalNo: r.refusal_no,
    itemCode: r.item_code,
    itemName: r.item_name,
    itemVersion: r.item_version,
    centerCode: r.center_code,
    applicant: { ...applicant, idNumber: maskIdNumber(applicant.idNumber), ...(phone ? { phone: maskPhone(phone) } : {}) },
    reason: r.reason,
    refusedAt: toShanghai(r.refused_at)!,
    refusedBy: r.refused_by,
  };
}
