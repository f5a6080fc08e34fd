import { NoNestedArrays } from '../no-nested-arrays.js';
// class-transformer's @Type reads design-time types when the class is defined, whoever imports #libs/contracts.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateBy, ValidateIf, ValidateNested } from 'class-validator';
import { DECISIONS, OPINION_MAX_LENGTH, type Decision } from './decisions.js';

/**
 * The one schema of a task decision (rpc.approval.task.decide). The gateway's DecideTaskDto extends DecisionSchema
 * and adds only the OpenAPI description; approval checks the command's data with DecideTaskSchema (checkCommand).
 * So each rule is written here once, and HTTP callers and NATS callers meet the same rules and the same problems.
 * Plain class-validator/class-transformer decorators: nothing of Nest or swagger belongs in #libs/contracts.
 */

export const REQUESTED_MAX_ITEMS = 50;

/** Where an opinion or a list is optional, an empty one is the same as none (the gateway and bulk approval send ''). */
// Judged per field: an opinion is empty as '' and a list as [], never the other way round (an opinion of [] must
// meet the string check and be refused, not skip it).
const noOpinion = (v: unknown) => v === undefined || v === '';
const noList = (v: unknown) => v === undefined || (Array.isArray(v) && v.length === 0);

/** One material a supplement request (补正) asks the applicant for: by catalog code where there is one, and by name. */
export class RequestedMaterialSchema {
  @IsOptional()
  @IsString()
  @MaxLength(32)
  code?: string;

  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(200)
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/** The body of POST /tasks/{taskId}/decision. */
export class DecisionSchema {
  @IsIn(DECISIONS)
  decision: Decision;

  // A rejection or supplement request without reasons is exactly what the applicant must never get.
  @ValidateIf((d: DecisionSchema) => d.decision !== 'APPROVE' || !noOpinion(d.opinion))
  @IsString()
  @IsNotEmpty({ message: 'opinion is required to reject or to ask for a supplement' })
  @Matches(/\S/, { message: 'opinion must not be blank' })
  @MaxLength(OPINION_MAX_LENGTH)
  opinion?: string;

  /** 一次性告知: every material the applicant must bring, at once; only with REQUEST_SUPPLEMENT. */
  @ValidateIf((d: DecisionSchema) => d.decision === 'REQUEST_SUPPLEMENT' || !noList(d.requested))
  @IsArray()
  @ArrayNotEmpty({ message: 'requested must list every material the applicant is to bring' })
  @ArrayMaxSize(REQUESTED_MAX_ITEMS)
  @NoNestedArrays()
  @ValidateNested({ each: true })
  @Type(() => RequestedMaterialSchema)
  @ValidateBy({
    name: 'notAllowed',
    validator: {
      validate: (_: unknown, args) => (args?.object as DecisionSchema).decision === 'REQUEST_SUPPLEMENT',
      defaultMessage: () => 'requested goes only with REQUEST_SUPPLEMENT.',
    },
  })
  requested?: RequestedMaterialSchema[];
}

/** rpc.approval.task.decide's data: the decision and the task it is taken on. */
export class DecideTaskSchema extends DecisionSchema {
  @IsUUID('loose', { message: 'taskId must be the id of a review task.' })
  taskId: string;
}
