import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, checkCommand, ErrorCodes, Events, ScheduleSurveySchema, type Command, type ScheduleSurveyRequest, type SiteSurveyView } from '#libs/contracts';
import { newId, UnitOfWork } from '#libs/messaging';
import { AuditLogRepository } from '../audit/audit-log.repository.js';
import { ActingFor } from '../delegations/acting-for.js';
import { ReviewTaskRepository } from '../review-task/review-task.repository.js';
import { SiteSurveyRepository } from './site-survey.repository.js';
import { toSurveyView } from './survey-view.js';

/**
 * 联合踏勘: on an item that needs one, the lead department of the open stage schedules a joint site survey with
 * some or all of the stage's departments (every department of the stage is told); each participating department
 * records its findings once (RecordFindings); when the last findings are in, the survey is recorded and the lead may
 * approve. One survey per case and stage.
 */
@Injectable()
export class ScheduleSurvey {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly ds: DataSource,
    private readonly surveys: SiteSurveyRepository,
    private readonly tasks: ReviewTaskRepository,
    private readonly actingFor: ActingFor,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(command: Command<unknown>, correlationId: string): Promise<SiteSurveyView> {
    const now = new Date();
    const request = checkSchedule(command?.data, now);
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
}

/** The shared schema (ScheduleSurveySchema), then the one rule that needs the clock: a survey lies ahead. */
function checkSchedule(data: unknown, now: Date): ScheduleSurveyRequest {
  const input = checkCommand(ScheduleSurveySchema, data);
  const at = new Date(input.at);
  if (at.getTime() <= now.getTime()) {
    throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'at', rule: 'future', message: 'A survey is scheduled for a time still to come.' }]);
  }
  return { caseNo: input.caseNo, at: at.toISOString(), place: input.place.trim(), departments: input.departments };
}
