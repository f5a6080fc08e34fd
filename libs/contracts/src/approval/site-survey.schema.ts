import { IsInstant } from '../instant.js';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { DEPARTMENT_CODE, RESOURCE_ID } from '../patterns.js';

export const PLACE_MAX_LENGTH = 200;
export const FINDINGS_MAX_LENGTH = 4000;
export const SURVEY_MAX_DEPARTMENTS = 20;

/** The body of POST /cases/{caseNo}/site-surveys (联合踏勘): the gateway's ScheduleSurveyDto extends it. */
export class SurveySchema {
  /** When the survey takes place; approval refuses a time already past (422, rule `future`). */
  @IsInstant()
  at: string;

  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'place must not be blank' })
  @MaxLength(PLACE_MAX_LENGTH)
  place: string;

  /** Who takes part: some or all of the open stage's departments (the lead always does). */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SURVEY_MAX_DEPARTMENTS)
  @ArrayUnique()
  @Matches(DEPARTMENT_CODE, { each: true, message: 'each department must be a department code' })
  departments: string[];
}

/** rpc.approval.site-survey.schedule's data. */
export class ScheduleSurveySchema extends SurveySchema {
  @Matches(RESOURCE_ID, { message: 'caseNo must be a case number' })
  caseNo: string;
}

/** The body of POST /site-surveys/{surveyId}/findings: the gateway's RecordFindingsDto extends it. */
export class FindingsSchema {
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'findings must not be blank' })
  @MaxLength(FINDINGS_MAX_LENGTH)
  findings: string;

  /** Only when the caller could record for more than one of the survey's departments. */
  @IsOptional()
  @Matches(DEPARTMENT_CODE, { message: '$property must be a department code' })
  department?: string;
}

/** rpc.approval.site-survey.findings's data; approval answers 404 for a surveyId that cannot name a survey. */
export class RecordFindingsSchema extends FindingsSchema {
  @IsUUID('loose', { message: 'surveyId must be the id of a site survey.' })
  surveyId: string;
}
