import { IsInstant } from '../instant.js';
import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { DEPARTMENT_CODE, USERNAME } from '../patterns.js';

export const DELEGATION_REASON_MAX_LENGTH = 500;
/** A backup covers an absence (leave, training, a trip), not a permanent second seat: at most one year. */
export const MAX_DELEGATION_DAYS = 366;

/**
 * The body of POST /departments/{code}/delegations (AB岗): who stands in, from when to when (both inclusive), why.
 * The gateway's CreateDelegationDto extends it.
 */
export class NewDelegationSchema {
  @IsString()
  @Matches(USERNAME, { message: '$property must be a username' })
  backupUser: string;

  @IsInstant()
  from: string;

  @IsInstant()
  to: string;

  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(DELEGATION_REASON_MAX_LENGTH)
  reason: string;

  /**
   * Administrators only, when the department has several chief representatives: whom the backup stands in for. In
   * the command the gateway always names the primary (a chief representative delegates their own seat).
   */
  @IsOptional()
  @IsString()
  @Matches(USERNAME, { message: '$property must be a username' })
  primaryUser?: string;
}

/**
 * rpc.approval.delegations.create's data: the gateway has checked both users exist and resolved the primary. That
 * the primary is named, the period's own rules (to after from, at most MAX_DELEGATION_DAYS, not over already) and
 * "the backup is someone else" are approval's (delegation-rules.ts), answered 422 DELEGATION.INVALID with these
 * problems.
 */
export class CreateDelegationSchema extends NewDelegationSchema {
  @Matches(DEPARTMENT_CODE, { message: '$property must be a department code' })
  department: string;
}

/** rpc.approval.delegations.revoke's data; approval answers 404 for one that cannot name a delegation. */
export class RevokeDelegationSchema {
  @Matches(DEPARTMENT_CODE, { message: '$property must be a department code' })
  department: string;

  @IsUUID('loose', { message: 'delegationId must be the id of a delegation.' })
  delegationId: string;
}
