import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, ErrorCodes, RESOURCE_ID, type SiteSurveyView } from '#libs/contracts';
import { SiteSurveyRepository } from './site-survey.repository.js';
import { toSurveyView } from './survey-view.js';

/** The joint site surveys of a case, with every department's findings and who is still to record. */
@Injectable()
export class SurveysOfCase {
  constructor(
    private readonly ds: DataSource,
    private readonly surveys: SiteSurveyRepository,
  ) {}

  async execute(query: unknown): Promise<SiteSurveyView[]> {
    const caseNo = (query as { caseNo?: unknown } | null)?.caseNo;
    if (typeof caseNo !== 'string' || !RESOURCE_ID.test(caseNo)) {
      throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'caseNo', rule: 'required', message: 'caseNo is required.' }]);
    }
    const surveys = await this.surveys.ofCase(caseNo);
    const findings = await this.surveys.findingsOf(this.ds.manager, surveys.map((s) => s.id));
    return surveys.map((s) => toSurveyView(s, findings));
  }
}
