import { Injectable } from '@nestjs/common';
import { AppError, ErrorCodes, RESOURCE_ID, type OpinionView } from '#libs/contracts';
import { OpinionRepository } from './opinion.repository.js';
import { toOpinionView } from './opinion-view.js';

/** The consultation opinions (会商意见) on a case, oldest first. */
@Injectable()
export class OpinionsOfCase {
  constructor(private readonly opinions: OpinionRepository) {}

  async execute(query: unknown): Promise<OpinionView[]> {
    const caseNo = (query as { caseNo?: unknown } | null)?.caseNo;
    if (typeof caseNo !== 'string' || !RESOURCE_ID.test(caseNo)) {
      throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'caseNo', rule: 'required', message: 'caseNo is required.' }]);
    }
    return (await this.opinions.ofCase(caseNo)).map(toOpinionView);
  }
}
