import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, commandProblems, ErrorCodes, Events, RecordFindingsSchema, type Actor, type Command, type RecordFindingsRequest, type SiteSurveyView } from '#libs/contracts';
import { UnitOfWork } from '#libs/messaging';
import { AuditLogRepository } from '../audit/audit-log.repository.js';
import { ActingFor } from '../delegations/acting-for.js';
import { SiteSurveyRepository } from './site-survey.repository.js';
import { pendingDepartments } from './survey-gate.js';
import { toSurveyView } from './survey-view.js';

/**
 * One department's findings of a joint site survey (联合踏勘), once; the last department's findings complete the
 * survey, and from then on the stage's lead may approve.
 */
@Injectable()
export class RecordFindings {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly surveys: SiteSurveyRepository,
    private readonly actingFor: ActingFor,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(command: Command<unknown>, correlationId: string): Promise<SiteSurveyView> {
    const request = checkFindings(command?.data);
    const actor = command.actor;
    return this.uow.run({ actor, correlationId }, async (tx) => {
      // Locked: two departments recording at once must agree on which of them completed the survey.
      const survey = await this.surveys.lock(tx.manager, request.surveyId);
      if (!survey) throw AppError.notFound(ErrorCodes.SURVEY_NOT_FOUND, `No site survey ${request.surveyId}.`);
      const { department, acting } = await this.chooseDepartment(tx.manager, actor, survey.departments, request.department);
      const inserted = await this.surveys.addFindings(tx.manager, {
        surveyId: survey.id,
        department,
        findings: request.findings,
        recordedBy: actor.id,
        onBehalfOf: acting.onBehalfOf ?? null,
      });
      if (!inserted) throw AppError.conflict(ErrorCodes.SURVEY_FINDINGS_RECORDED, `${department} has already recorded its findings of this survey.`);
      const findings = await this.surveys.findingsOf(tx.manager, [survey.id]);
      const complete = pendingDepartments({ departments: survey.departments, recorded: findings.map((f) => f.department) }).length === 0;
      if (complete) survey.recorded_at = await this.surveys.markRecorded(tx.manager, survey.id);
      tx.emit(Events.SiteSurveyFindingsRecorded, survey.case_no, { surveyId: survey.id, stage: survey.stage, department, findings: request.findings, complete }, acting);
      await this.audit.write(tx.manager, {
        actor: acting,
        action: 'SURVEY_FINDINGS_RECORDED',
        department,
        caseNo: survey.case_no,
        details: { surveyId: survey.id, complete },
      });
      return toSurveyView(survey, findings);
    });
  }

  /** The department the caller records for: the one named, or the only one of the survey's they may act for. */
  private async chooseDepartment(m: EntityManager, actor: Actor, departments: string[], named?: string): Promise<{ department: string; acting: Actor }> {
    const mine = await this.actingFor.departments(m, actor);
    if (named) {
      if (!departments.includes(named)) throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'department', rule: 'inSurvey', message: `${named} does not take part in this survey (${departments.join(', ')}).` }]);
      const acting = mine.get(named);
      if (!acting) throw AppError.forbidden(ErrorCodes.DEPARTMENT_NOT_YOURS, `You neither represent ${named} nor stand in for it now.`);
      return { department: named, acting };
    }
    const eligible = departments.filter((d) => mine.has(d));
    if (!eligible.length) throw AppError.forbidden(ErrorCodes.DEPARTMENT_NOT_YOURS, `Only the departments of the survey (${departments.join(', ')}) record findings.`);
    if (eligible.length > 1) throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'department', rule: 'required', message: `Say which department you record for: ${eligible.join(' or ')}.` }]);
    return { department: eligible[0], acting: mine.get(eligible[0])! };
  }
}

/** The shared schema (RecordFindingsSchema); an id that cannot be a survey's is answered like an unknown one, 404. */
function checkFindings(data: unknown): RecordFindingsRequest {
  const { value, problems } = commandProblems(RecordFindingsSchema, data);
  if (problems.some((p) => p.field === 'surveyId')) throw AppError.notFound(ErrorCodes.SURVEY_NOT_FOUND, `No site survey ${String(value.surveyId)}.`);
  if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
  return { surveyId: value.surveyId, findings: value.findings.trim(), department: value.department ?? undefined };
}
