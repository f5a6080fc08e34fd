import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { AppError, ErrorCodes, Rpc, type Actor, type Command, type CreateDelegationRequest, type DelegationView, type RevokeDelegationRequest } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { CurrentActor } from '../auth/actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors, ApiIdempotent, ApiStaff } from '../common/api-docs.js';
import { CorrelationId } from '../http/request-context.js';
import { DepartmentCodeParam } from '../staff/department-param.js';
import { UsersRepository } from '../auth/users.repository.js';
import { CreateDelegationDto } from './dto/create-delegation.dto.js';
import { DelegationViewDto } from './dto/delegation-view.dto.js';

class DelegationParams extends DepartmentCodeParam {
  @ApiProperty({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a60' })
  @IsUUID()
  id: string;
}

const invalid = (field: string, rule: string, message: string) => AppError.invalid(ErrorCodes.DELEGATION_INVALID, [{ field, rule, message }]);

/**
 * Backups (AB岗). The gateway knows the users, so it checks them here (the backup exists and holds CHIEF_REP; the
 * primary is the department's chief representative); approval keeps the delegation and lets the backup act.
 */
@ApiTags('delegations')
@ApiStaff()
@Controller('departments/:code/delegations')
export class DelegationsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly staff: UsersRepository,
  ) {}

  @Post()
  @Roles('ADMIN', 'CHIEF_REP')
  @ApiOperation({
    summary: 'Name a backup (AB岗) who acts for the department while its chief representative is away.',
    description:
      'By an administrator, or by the department\'s own chief representative for their own seat. While now lies within [from, to] the backup sees the department\'s worklist and decides its tasks; each decision records the backup as `decidedBy` and the primary as `onBehalfOf`.',
  })
  @ApiBody({
    type: CreateDelegationDto,
    examples: {
      leave: { summary: 'Annual leave', value: { backupUser: 'backup.nrb', from: '2026-11-23T00:00:00+08:00', to: '2026-11-27T23:59:59+08:00', reason: '首席代表年休假' } },
      crossDepartment: { summary: "Another department's representative stands in", value: { backupUser: 'rep.hud', from: '2026-11-24T08:30:00+08:00', to: '2026-11-24T17:30:00+08:00', reason: '参加市级培训' } },
    },
  })
  @ApiCreatedResponse({ type: DelegationViewDto })
  @ApiIdempotent()
  @ApiErrors([400, 403, 422, 503], {
    403: { code: 'DEPARTMENT.NOT_YOURS', message: "Only an administrator or NRB's chief representative manages its backups." },
    422: { code: 'DELEGATION.INVALID', message: 'The request has problems; every one is listed.', problems: [{ field: 'backupUser', rule: 'exists', message: 'No user nobody.' }] },
  })
  async create(
    @Param() p: DepartmentCodeParam,
    @Body() body: CreateDelegationDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<DelegationView> {
    assertManages(actor, p.code);
    const primaryUser = await this.primaryFor(actor, p.code, body.primaryUser);
    const backup = await this.staff.findStaff(body.backupUser);
    if (!backup) throw invalid('backupUser', 'exists', `No user ${body.backupUser}.`);
    if (!backup.roles.includes('CHIEF_REP')) throw invalid('backupUser', 'role', `${body.backupUser} is not a chief representative (CHIEF_REP): only they may decide review tasks.`);
    const cmd: Command<CreateDelegationRequest> = {
      actor,
      data: { department: p.code, primaryUser, backupUser: body.backupUser, from: body.from, to: body.to, reason: body.reason },
    };
    return this.rpc.request(Rpc.approval.createDelegation, cmd, { correlationId });
  }

  @Get()
  @Roles('ADMIN', 'SUPERVISOR', 'CHIEF_REP')
  @ApiOperation({ summary: "The department's backups, newest first, revoked and expired ones included (`active` says which apply now)." })
  @ApiOkResponse({ type: [DelegationViewDto] })
  @ApiErrors([400, 503])
  list(@Param() p: DepartmentCodeParam, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<DelegationView[]> {
    if (actor.role === 'CHIEF_REP') assertManages(actor, p.code);
    return this.rpc.request(Rpc.approval.listDelegations, { department: p.code }, { correlationId });
  }

  @Delete(':id')
  @HttpCode(200)
  @Roles('ADMIN', 'CHIEF_REP')
  @ApiOperation({ summary: 'Revoke a delegation: the backup stops acting at once. Kept (revokedAt, revokedBy) for the audit trail.' })
  @ApiOkResponse({ type: DelegationViewDto })
  @ApiErrors([400, 404, 409, 503], {
    404: { code: 'DELEGATION.NOT_FOUND', message: 'No delegation 0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a60 in NRB.' },
    409: { code: 'DELEGATION.ALREADY_REVOKED', message: 'Delegation 0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a60 was already revoked.' },
  })
  revoke(@Param() p: DelegationParams, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<DelegationView> {
    assertManages(actor, p.code);
    const cmd: Command<RevokeDelegationRequest> = { actor, data: { department: p.code, delegationId: p.id } };
    return this.rpc.request(Rpc.approval.revokeDelegation, cmd, { correlationId });
  }

  /** A chief representative delegates their own seat; an administrator names it, or it is the department's only one. */
  private async primaryFor(actor: Actor, department: string, named: string | undefined): Promise<string> {
    if (actor.role === 'CHIEF_REP') {
      if (named && named !== actor.id) throw invalid('primaryUser', 'self', 'A chief representative names a backup for their own seat only.');
      return actor.id;
    }
    const reps = await this.staff.chiefRepsOf(department);
    if (named) {
      if (!reps.includes(named)) throw invalid('primaryUser', 'chiefRep', `${named} is not a chief representative of ${department}.`);
      return named;
    }
    if (reps.length === 1) return reps[0];
    if (!reps.length) throw invalid('department', 'hasChiefRep', `${department} has no chief representative to stand in for.`);
    throw invalid('primaryUser', 'required', `${department} has several chief representatives (${reps.join(', ')}): say whom the backup stands in for.`);
  }
}

function assertManages(actor: Actor, department: string): void {
  if (actor.role === 'ADMIN') return;
  if (actor.role === 'CHIEF_REP' && actor.department === department) return;
  throw AppError.forbidden(ErrorCodes.DEPARTMENT_NOT_YOURS, `Only an administrator or ${department}'s chief representative manages its backups.`);
}
