import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DEPARTMENT_CODE, RESOURCE_ID } from '../patterns.js';
import { OPINION_MAX_LENGTH } from './decisions.js';

/** The body of POST /cases/{caseNo}/opinions (会商意见): the gateway's RecordOpinionDto extends it. */
export class OpinionSchema {
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'opinion must not be blank' })
  @MaxLength(OPINION_MAX_LENGTH)
  opinion: string;

  /** Only when the caller acts for more than one department with a task in the case. */
  @IsOptional()
  @Matches(DEPARTMENT_CODE, { message: '$property must be a department code' })
  department?: string;
}

/** rpc.approval.opinion.record's data. */
export class RecordOpinionSchema extends OpinionSchema {
  @Matches(RESOURCE_ID, { message: 'caseNo must be a case number' })
  caseNo: string;
}
