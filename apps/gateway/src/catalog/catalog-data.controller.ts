import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rpc, type Actor, type CenterView, type Command, type DepartmentView, type PublishItemReply, type PublishItemRequest } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { CurrentActor } from '../auth/actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors, ApiIdempotent, ApiStaff } from '../common/api-docs.js';
import { ItemCodeParam } from '../common/params.dto.js';
import { CorrelationId } from '../http/request-context.js';
import { CenterViewDto, DepartmentViewDto, PublishItemReplyDto } from './dto/catalog-views.dto.js';
import { ITEM_DEFINITION_EXAMPLE, ItemDefinitionDto, ItemVersionDto } from './dto/item-definition.dto.js';

const CATALOG_INVALID = {
  code: 'CATALOG.INVALID',
  message: 'The item definition has problems; every one is listed. Nothing was published.',
  problems: [
    { field: 'reviewPlan.0.departments.1', rule: 'knownDepartment', message: 'no department "MOON" in the catalog' },
    { field: 'reviewPlan.0.lead', rule: 'leadInStage', message: "the lead department \"NRB\" must be one of the stage's departments" },
    { field: 'materials.3.code', rule: 'uniqueMaterialCode', message: 'material code M01 is also used by materials.0' },
    { field: 'promisedDays', rule: 'promisedNotAboveLegal', message: 'promisedDays (40) must not exceed legalDays (30)' },
  ],
};

/** The catalog as data: items are published in versions by an administrator; departments and centers are listed for staff. */
@ApiTags('catalog')
@ApiStaff()
@Controller('catalog')
export class CatalogDataController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('items')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Add a service item to the catalog (version 1). Validated whole: every problem is listed.' })
  @ApiBody({ type: ItemDefinitionDto, examples: { hygiene: { summary: 'A promised item with one department', value: ITEM_DEFINITION_EXAMPLE } } })
  @ApiCreatedResponse({ type: PublishItemReplyDto })
  @ApiIdempotent()
  @ApiErrors([400, 409, 422, 503], {
    409: { code: 'CATALOG.ITEM_EXISTS', message: 'Service item PUBLIC-HYGIENE already exists; publish a new version with PUT /catalog/items/PUBLIC-HYGIENE.' },
    422: CATALOG_INVALID,
  })
  create(@Body() body: ItemDefinitionDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<PublishItemReply> {
    const cmd: Command<PublishItemRequest> = { actor, data: { definition: body } };
    return this.rpc.request(Rpc.intake.createItem, cmd, { correlationId });
  }

  @Put('items/:code')
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({
    summary: 'Publish a new version of an item (the whole definition). Cases already accepted keep the version they were accepted under.',
  })
  @ApiBody({ type: ItemVersionDto, examples: { hygiene: { summary: 'Promise 3 working days instead of 5', value: { ...ITEM_DEFINITION_EXAMPLE, promisedDays: 3 } } } })
  @ApiOkResponse({ type: PublishItemReplyDto })
  @ApiErrors([400, 404, 422, 503], { 404: { code: 'CATALOG.ITEM_NOT_FOUND', message: 'No service item PUBLIC-HYGIENE in the catalog.' }, 422: CATALOG_INVALID })
  publish(@Param() p: ItemCodeParam, @Body() body: ItemVersionDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<PublishItemReply> {
    const cmd: Command<PublishItemRequest> = { actor, data: { code: p.code, definition: { ...body, code: body.code ?? p.code } } };
    return this.rpc.request(Rpc.intake.publishItem, cmd, { correlationId });
  }

  @Get('departments')
  @ApiOperation({ summary: 'The departments (委办局) whose items the center handles; each has a chief representative.' })
  @ApiOkResponse({ type: [DepartmentViewDto] })
  @ApiErrors([503])
  departments(@CorrelationId() correlationId: string): Promise<DepartmentView[]> {
    return this.rpc.request(Rpc.intake.listDepartments, {}, { correlationId });
  }

  @Get('centers')
  @ApiOperation({ summary: 'The service centers (county center and township 便民服务中心); any of them accepts any item (就近办).' })
  @ApiOkResponse({ type: [CenterViewDto] })
  @ApiErrors([503])
  centers(@CorrelationId() correlationId: string): Promise<CenterView[]> {
    return this.rpc.request(Rpc.intake.listCenters, {}, { correlationId });
  }
}
