import { Injectable } from '@nestjs/common';
import { AppError, ErrorCodes, type Command, type RefusalView, type RefuseRequest, type ServiceItem } from '#libs/contracts';
import { CatalogRepository } from '../catalog/catalog.repository.js';
import { CenterRepository } from '../catalog/center.repository.js';
import { refusalNo } from '../one-time-notice/document-number.js';
import { RefusalRepository } from './refusal.repository.js';
import { toRefusalView } from './refusal-view.js';
import { refusalProblems } from './refusal-rules.js';

/**
 * 不予受理: the application is outside what this center may accept (not its competence, not a matter for
 * administrative licensing, …). It gets a numbered written refusal with the reason; no case number is used.
 */
@Injectable()
export class RefuseApplication {
  constructor(
    private readonly refusals: RefusalRepository,
    private readonly catalog: CatalogRepository,
    private readonly centers: CenterRepository,
  ) {}

  async execute(cmd: Command<RefuseRequest>): Promise<RefusalView> {
    const req = cmd.data;
    const item = await this.catalog.getItem(String(req?.itemCode ?? '')).catch((e: unknown) => {
      if (e instanceof AppError && e.status === 404) return undefined;
      throw e;
    });
    const center = await this.centers.find(String(req?.centerCode ?? ''));
    const problems = refusalProblems(req, { item: !!item, center: !!center });
    if (problems.length) throw AppError.invalid(ErrorCodes.REFUSAL_INVALID, problems);

    const refusedAt = new Date();
    const seq = await this.refusals.nextSeq();
    const { type, name, idType, idNumber, phone } = req.applicant;
    const applicant = { type, name: name.trim(), idType, idNumber: idNumber.toUpperCase(), ...(phone ? { phone } : {}) };
    const row = await this.refusals.add({
      refusal_no: refusalNo(refusedAt, seq),
      item_code: (item as ServiceItem).code,
      item_version: item!.version ?? 1,
      item_name: item!.name,
      center_code: req.centerCode,
      applicant,
      reason: req.reason.trim(),
      refused_at: refusedAt,
      refused_by: cmd.actor.id,
    });
    return toRefusalView(row);
  }

}
