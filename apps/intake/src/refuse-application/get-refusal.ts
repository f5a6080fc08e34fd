import { Injectable } from '@nestjs/common';
import { AppError, ErrorCodes, type RefusalView } from '#libs/contracts';
import { DOCUMENT_PREFIX, isDocumentNo } from '../one-time-notice/document-number.js';
import { RefusalRepository } from './refusal.repository.js';
import { toRefusalView } from './refusal-view.js';

/** rpc.intake.refusal.get: a written refusal (不予受理) looked up by its number. */
@Injectable()
export class GetRefusal {
  constructor(private readonly refusals: RefusalRepository) {}

  async execute(query: { refusalNo?: string }): Promise<RefusalView> {
    const no = String(query?.refusalNo ?? '');
    const row = isDocumentNo(DOCUMENT_PREFIX.refusal, no) ? await this.refusals.find(no) : undefined;
    if (!row) throw AppError.notFound(ErrorCodes.REFUSAL_NOT_FOUND, `No refusal ${no}.`);
    return toRefusalView(row);
  }
}
