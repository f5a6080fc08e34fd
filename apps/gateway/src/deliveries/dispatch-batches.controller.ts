import { Body, Controller, Get, Header, Headers, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { toShanghai } from '#libs/calendar';
import { Rpc, type Actor, type Command, type DispatchBatchRequest, type DispatchBatchView } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { CurrentActor } from '../auth/actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors, ApiIdempotent, ApiStaff } from '../common/api-docs.js';
import { IsResourceId } from '../common/ids.js';
import { PrintNoticeQuery } from '../fees/print/print-notice.query.js';
import { CorrelationId } from '../http/request-context.js';
import { DispatchBatchDto, DispatchBatchViewDto } from './dto/dispatch-batch.dto.js';
import { renderDispatchListHtml, renderDispatchListPdf } from './print/dispatch-list.js';

export class BatchIdParam {
  @IsResourceId('0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a60', 'Dispatch batch id.')
  batchId: string;
}

/** 批量寄递: the courier desk dispatches many courier deliveries to one carrier at once, and prints the list. */
@ApiTags('deliveries')
@ApiStaff()
@Controller('dispatch-batches')
export class DispatchBatchesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  @Roles('COURIER')
  @ApiOperation({
    summary: 'Dispatch many READY courier deliveries to one carrier at once, each under a waybill number (given, or assigned with a check character).',
    description:
      'All or nothing: a delivery that is unknown, goes by WINDOW, or is not READY, and a waybill number the carrier already had, are each ' +
      'listed (422 DISPATCH_BATCH.INVALID) and nothing is written. A retry with the same Idempotency-Key answers the first batch.',
  })
  @ApiBody({
    type: DispatchBatchDto,
    examples: {
      assigned: { summary: 'The center numbers the waybills', value: { deliveryIds: ['0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5c'], carrier: 'EMS' } },
      given: { summary: "The carrier's own numbers", value: { deliveryIds: ['0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5c'], carrier: 'SF', waybillNos: ['SF1234567890123'] } },
    },
  })
  @ApiCreatedResponse({ type: DispatchBatchViewDto })
  @ApiIdempotent()
  @ApiErrors([400, 422, 503], {
    422: { code: 'DISPATCH_BATCH.INVALID', message: 'The batch cannot be dispatched; every problem is listed and nothing was written.' },
  })
  create(
    @Body() body: DispatchBatchDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<DispatchBatchView> {
    const data: DispatchBatchRequest = { deliveryIds: body.deliveryIds, carrier: body.carrier, ...(body.waybillNos ? { waybillNos: body.waybillNos } : {}) };
    const cmd: Command<DispatchBatchRequest> = { actor, data, ...(idempotencyKey ? { requestId: `${actor.id}:${idempotencyKey}` } : {}) };
    return this.rpc.request(Rpc.delivery.createDispatchBatch, cmd, { correlationId });
  }

  @Get(':batchId/print')
  @Roles('COURIER', 'SUPERVISOR')
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The dispatch list (邮寄送达交接清单) of a batch, as a printable page, or a PDF with ?format=pdf.',
    description:
      'One line per parcel: waybill number, case number, recipient, phone, address, attempt. The recipient and phone are in full here (and ' +
      'only here): the parcels are labelled and handed over from this list, which the carrier signs. It is marked internal and is not cached.',
  })
  @ApiProduces('text/html', 'application/pdf')
  @ApiOkResponse({
    description: 'text/html; charset=utf-8 by default; application/pdf with ?format=pdf.',
    content: {
      'text/html': { schema: { type: 'string', example: '<!DOCTYPE html><html lang="zh-CN">…邮寄送达交接清单…</html>' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiErrors([400, 404, 503], { 404: { code: 'DISPATCH_BATCH.NOT_FOUND', message: 'No dispatch batch 0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a60.' } })
  async print(@Param() p: BatchIdParam, @Query() q: PrintNoticeQuery, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<StreamableFile> {
    const batch = await this.rpc.request(Rpc.delivery.dispatchSlip, { batchId: p.batchId }, { correlationId });
    const opts = { printedBy: actor.id, printedAt: toShanghai(new Date()) ?? undefined };
    if (q.format === 'pdf') {
      return new StreamableFile(await renderDispatchListPdf(batch, opts), {
        type: 'application/pdf',
        disposition: `inline; filename="dispatch-${batch.batchId.replace(/[^A-Za-z0-9_-]/g, '')}.pdf"`,
      });
    }
    return new StreamableFile(Buffer.from(renderDispatchListHtml(batch, opts), 'utf8'), { type: 'text/html; charset=utf-8' });
  }
}
