import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, ErrorCodes, type DecideTaskRequest } from '#libs/contracts';
import { ReviewTaskRepository } from '../review-task/review-task.repository.js';
import { SiteSurveyRepository } from './site-survey.repository.js';
import { surveyGate } from './survey-gate.js';

/** Applies the survey gate to a decision about to be recorded (in the decision's transaction). */
@Injectable()
export class SurveyGateCheck {
  constructor(
    private readonly tasks: ReviewTaskRepository,
    private readonly surveys: SiteSurveyRepository,
  ) {}

  async assertMayDecide(
    m: EntityManager,
    task: { case_no: string; item_code: string; stage: number; department: string },
    decision: DecideTaskRequest['decision'],
  ): Promise<void> {
    if (decision !== 'APPROVE') return;
    const rules = await this.tasks.surveyRules(m, task.case_no, task.stage);
    const lead = rules.lead;
    if (!rules.jointSiteSurvey || lead !== task.department) return;
    const answer = surveyGate({
      decision,
      requiresSurvey: rules.jointSiteSurvey,
      lead,
      department: task.department,
      survey: await this.surveys.stateOf(m, task.case_no, task.stage),
    });
    if (!answer.ok) throw AppError.conflict(ErrorCodes.SURVEY_NOT_RECORDED, answer.message, answer.survey ? { survey: answer.survey } : undefined);
  }
}
