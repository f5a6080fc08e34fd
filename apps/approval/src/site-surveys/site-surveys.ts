import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AppError,
  ErrorCodes,
  Events,
  type Actor,
  type Command,
  type Problem,
  type RecordFindingsRequest,
  type ScheduleSurveyRequest,
  type SiteSurveyView,
} from '#libs/contracts';
import { newId, UnitOfWork } from '#libs/messaging';
import { AuditLogRepository } from '../audit/audit-log.repository.js';
import { ActingFor } from '../delegations/acting-for.js';
import { ReviewTaskRepository } from '../review-task/review-task.repository.js';
import { SiteSurveyRepository } from './site-survey.repository.js';
import { pendingDepartments } from './survey-gate.js';
import { toSurveyView } from './survey-view.js';

const CASE_NO = /^[A-Za-z0-9_-]{1,64}$/;
const DEPARTMENT = /^[A-Z0-9_-]{1,32}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const PLACE_MAX_LENGTH = 200;
export const FINDINGS_MAX_LENGTH = 4000;

/**
 * 联合踏勘: on an item that needs one, the lead department of the open stage schedules a joint site survey with
 * some or all of the stage's departments (every department of the stage is told); each participating department
 * records its findings once; when the last findings are in, the survey is recorded and the lead may approve.
 * One survey per case and stage.
 */
@Injectable()
export class SiteSurveys {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly ds: DataSource,
    private readonly surveys: SiteSurveyRepository,
    private readonly tasks: ReviewTaskRepository,
    private readonly actingFor: ActingFor,
    private readonly audit: AuditLogRepository,
  ) {}

  async schedule(command: Command<unknown>, correlationId: string): Promise<SiteSurveyView> {
    const now = new Date();
    const request = parseSchedule(command?.data, now);
    const actor = command.actor;
    const any = await this.tasks.latestStage(request.caseNo);
    if (!any) throw AppError.notFound(ErrorCodes.CASE_NOT_FOUND, `No case ${request.caseNo} under review.`);
    const rules = await this.tasks.surveyRules(this.ds.manager, request.caseNo, any.stage);
    if (!rules.jointSiteSurvey) throw AppError.invalid(ErrorCodes.SURVEY_NOT_REQUIRED, [{ field: 'caseNo', rule: 'jointSiteSurvey', message: `Item ${any.item_code} has no joint site survey.` }]);

    return this.uow.run({ actor, correlationId }, async (tx) => {
      const tasks = await this.tasks.ofLatestStage(tx.manager, request.caseNo);
      const stage = tasks[0].stage;
      const lead = rules.lead;
      if (!lead) throw AppError.invalid(ErrorCodes.SURVEY_NOT_REQUIRED, [{ field: 'caseNo', rule: 'lead', message: `Stage ${stage} of ${request.caseNo} has no lead department to hold a survey.` }]);
      const acting = await this.actingFor.department(tx.manager, actor, lead);
      if (!acting) throw AppError.forbidden(ErrorCodes.SURVEY_NOT_LEAD, `Only the lead department ${lead}'s chief representative (or its active backup) schedules the joint site survey.`);
      const leadTask = tasks.find((t) => t.department === lead);
      if (leadTask?.status !== 'OPEN') throw AppError.conflict(ErrorCodes.SURVEY_STAGE_NOT_OPEN, `Stage ${stage} of ${request.caseNo} is not open for ${lead} (its task is ${leadTask?.status ?? 'missing'}).`);
      const stageDepartments = tasks.map((t) => t.department);
      const outside = request.departments.filter((d) => !stageDepartments.includes(d));
      if (outside.length) {
        throw AppError.invalid(
          ErrorCodes.VALIDATION,
          outside.map((d) => ({ field: 'departments', rule: 'inStage', message: `${d} has no task in stage ${stage} (${stageDepartments.join(', ')}).` })),
        );
      }
      // The lead always takes part in its own survey.
      const departments = request.departments.includes(lead) ? request.departments : [lead, ...request.departments];
      const row = await this.surveys.add(tx.manager, {
        id: newId(),
        caseNo: request.caseNo,
        stage,
        lead,
        at: request.at,
        place: request.place,
        departments,
        notified: stageDepartments,
        scheduledBy: actor.id,
        scheduledOnBehalfOf: acting.onBehalfOf ?? null,
      });
      if (!row) {
        const existing = await this.surveys.idOf(tx.manager, request.caseNo, stage);
        throw AppError.conflict(ErrorCodes.SURVEY_ALREADY_SCHEDULED, `A joint site survey of stage ${stage} is already scheduled.`, { surveyId: existing });
      }
      tx.emit(
        Events.SiteSurveyScheduled,
        request.caseNo,
        { surveyId: row.id, stage, lead, at: row.at.toISOString(), place: row.place, departments, notified: stageDepartments },
        acting,
      );
      await this.audit.write(tx.manager, {
        actor: acting,
        action: 'SURVEY_SCHEDULED',
        department: lead,
        caseNo: request.caseNo,
        details: { surveyId: row.id, stage, at: row.at.toISOString(), place: row.place, departments },
      });
      return toSurveyView(row, []);
    });
  }

  async recordFindings(command: Command<unknown>, correlationId: string): Promise<SiteSurveyView> {
    const request = parseFindings(command?.data);
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

  async ofCase(query: unknown): Promise<SiteSurveyView[]> {
    const caseNo = (query as { caseNo?: unknown } | null)?.caseNo;
    if (typeof caseNo !== 'string' || !CASE_NO.test(caseNo)) {
      throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'caseNo', rule: 'required', message: 'caseNo is required.' }]);
    }
    const surveys = await this.surveys.ofCase(caseNo);
    const findings = await this.surveys.findingsOf(this.ds.manager, surveys.map((s) => s.id));
    return surveys.map((s) => toSurveyView(s, findings));
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

function parseSchedule(data: unknown, now: Date): ScheduleSurveyRequest {
  const d = (data ?? {}) as Partial<Record<keyof ScheduleSurveyRequest, unknown>>;
  const problems: Problem[] = [];
  if (typeof d.caseNo !== 'string' || !CASE_NO.test(d.caseNo)) problems.push({ field: 'caseNo', rule: 'required', message: 'caseNo is required.' });
  const at = typeof d.at === 'string' ? new Date(d.at) : new Date(NaN);
  if (Number.isNaN(at.getTime())) problems.push({ field: 'at', rule: 'isDateTime', message: 'at must be a date-time (ISO 8601).' });
  else if (at.getTime() <= now.getTime()) problems.push({ field: 'at', rule: 'future', message: 'A survey is scheduled for a time still to come.' });
  const place = typeof d.place === 'string' ? d.place.trim() : '';
  if (!place || place.length > PLACE_MAX_LENGTH) problems.push({ field: 'place', rule: 'length', message: `place must be 1 to ${PLACE_MAX_LENGTH} characters.` });
  const departments = Array.isArray(d.departments) ? d.departments : [];
  if (!Array.isArray(d.departments) || !departments.length || departments.length > 20) problems.push({ field: 'departments', rule: 'size', message: 'departments must list 1 to 20 departments.' });
  if (departments.some((x) => typeof x !== 'string' || !DEPARTMENT.test(x))) problems.push({ field: 'departments', rule: 'isDepartment', message: 'Every department must be a department code.' });
  if (new Set(departments).size !== departments.length) problems.push({ field: 'departments', rule: 'unique', message: 'A department may be listed once.' });
  if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
  return { caseNo: d.caseNo as string, at: at.toISOString(), place, departments: departments as string[] };
}

function parseFindings(data: unknown): RecordFindingsRequest {
  const d = (data ?? {}) as Partial<Record<keyof RecordFindingsRequest, unknown>>;
  const problems: Problem[] = [];
  if (typeof d.surveyId !== 'string' || !UUID.test(d.surveyId)) {
    throw AppError.notFound(ErrorCodes.SURVEY_NOT_FOUND, `No site survey ${String(d.surveyId)}.`);
  }
  const findings = typeof d.findings === 'string' ? d.findings.trim() : '';
  if (!findings || findings.length > FINDINGS_MAX_LENGTH) problems.push({ field: 'findings', rule: 'length', message: `findings must be 1 to ${FINDINGS_MAX_LENGTH} characters.` });
  if (d.department !== undefined && d.department !== null && (typeof d.department !== 'string' || !DEPARTMENT.test(d.department))) {
    problems.push({ field: 'department', rule: 'isDepartment', message: 'department must be a department code.' });
  }
  if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
  return { surveyId: d.surveyId, findings, department: (d.department as string | undefined) ?? undefined };
}
