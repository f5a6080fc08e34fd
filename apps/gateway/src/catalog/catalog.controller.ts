import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rpc, type ServiceItem } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { ApiErrors, ApiStaff } from '../common/api-docs.js';
import { ItemCodeParam } from '../common/params.dto.js';
import { CorrelationId } from '../http/request-context.js';

const ITEM_EXAMPLE: ServiceItem = {
  code: 'RE-TRANSFER',
  name: '不动产转移登记(存量房买卖)',
  powerType: 'CONFIRMATION',
  caseType: 'JOINT',
  applicantTypes: ['PERSON', 'ORG'],
  legalDays: 30,
  promisedDays: 5,
  reviewPlan: [{ stage: 1, departments: ['HUD', 'TAX', 'NRB'], lead: 'NRB' }],
  materials: [{ code: 'M01', name: '不动产登记申请书', required: true, tolerable: false }],
  fees: [{ code: 'REG-RES', name: '不动产登记费(住宅)', department: 'NRB', kind: 'FIXED', amountFen: 8000, when: { propertyType: 'RESIDENTIAL' } }],
  results: [{ department: 'NRB', name: '不动产权证书' }],
};

@ApiTags('catalog')
@ApiStaff()
@Controller('catalog/items')
export class CatalogController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'The service items (事项目录) the center handles.' })
  @ApiOkResponse({ schema: { type: 'array', items: { type: 'object' } }, example: [ITEM_EXAMPLE] })
  @ApiErrors([503])
  list(@CorrelationId() correlationId: string): Promise<ServiceItem[]> {
    return this.rpc.request(Rpc.intake.listItems, {}, { correlationId });
  }

  @Get(':code')
  @ApiOperation({ summary: 'One service item: materials, review plan, fees, time limits.' })
  @ApiOkResponse({ schema: { type: 'object' }, example: ITEM_EXAMPLE })
  @ApiErrors([400, 404, 503], { 404: { code: 'CATALOG.ITEM_NOT_FOUND', message: 'No service item RE-TRANSFER.' } })
  get(@Param() p: ItemCodeParam, @CorrelationId() correlationId: string): Promise<ServiceItem> {
    return this.rpc.request(Rpc.intake.getItem, { code: p.code }, { correlationId });
  }
}
