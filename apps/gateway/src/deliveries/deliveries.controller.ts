import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppError, ErrorCodes, Rpc, type Actor, type Command, type DeliveredRequest, type DeliveriesPage, type DeliveryView, type DispatchRequest, type PickupRequest, type TrackingRequest, type UnlockPickupRequest } from '#libs/contracts';
import { maskPhone } from '#libs/checks';
import { RpcClient } from '#libs/messaging';
import { CaseAccess, type Caller } from '../access/case-access.js';
import { CurrentCaller } from '../access/caller.decorator.js';
import { CurrentActor } from '../auth/actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors, ApiIdempotent, ApiStaff } from '../common/api-docs.js';
import { DeliveryIdParam } from '../common/params.dto.js';
import { CorrelationId } from '../http/request-context.js';
import { DeliveredDto } from './dto/delivered.dto.js';
import { DeliveriesPageDto, DeliveryViewDto } from './dto/delivery-view.dto.js';
import { DispatchDto } from './dto/dispatch.dto.js';
import { UnlockPickupDto } from './dto/unlock-pickup.dto.js';
import { ListDeliveriesQuery } from './dto/list-deliveries.query.js';
import { PickupDto } from './dto/pickup.dto.js';
import { TrackingDto } from './dto/tracking.dto.js';

const DELIVERY_ERRORS = {
  404: { code: 'DELIVERY.NOT_FOUND', message: 'No delivery 0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5c.' },
  409: { code: 'DELIVERY.WRONG_STATE', message: 'The delivery is DELIVERED, not READY.' },
};

@ApiTags('deliveries')
@ApiStaff()
@Controller('deliveries')
export class DeliveriesController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly access: CaseAccess,
  ) {}

  @Get()
  @Roles('COURIER', 'CLERK', 'SUPERVISOR')
  @ApiOperation({
    summary: 'Deliveries to work, oldest first, a page at a time: by courier for couriers, at the window for clerks (unless method says otherwise).',
    description:
      'A COURIER sees COURIER deliveries only (method=WINDOW is a 403), each with what delivering needs: recipient, masked phone, address. ' +
      "A CLERK sees the WINDOW deliveries of their centers and the COURIER ones of their centers' cases: a page may hold fewer than limit items; follow nextCursor.",
  })
  @ApiOkResponse({ type: DeliveriesPageDto })
  @ApiErrors([400, 503])
  async list(@Query() q: ListDeliveriesQuery, @CurrentCaller() caller: Caller, @CorrelationId() correlationId: string): Promise<DeliveriesPage<DeliveryView>> {
    const role = caller.actor.role;
    if (role === 'COURIER' && q.method === 'WINDOW') throw new AppError(ErrorCodes.AUTH_FORBIDDEN, 'A courier sees COURIER deliveries only.', 403);
    const method = q.method ?? (role === 'COURIER' ? 'COURIER' : 'WINDOW');
    const page = await this.rpc.request(Rpc.delivery.listDeliveries, { status: q.status, method, cursor: q.cursor, limit: q.limit }, { correlationId });
    if (role === 'COURIER') return { ...page, items: page.items.filter((d) => d.method === 'COURIER').map(forCourier) };
    if (role === 'CLERK') {
      const centers = caller.user.centers;
      const window = page.items.filter((d) => d.method === 'WINDOW' && d.pickupCenter && centers.includes(d.pickupCenter));
      const byCase = await this.access.filter(caller, page.items.filter((d) => !(d.method === 'WINDOW' && d.pickupCenter)), correlationId);
      const keep = new Set([...window, ...byCase]);
      return { ...page, items: page.items.filter((d) => keep.has(d)).map(maskedPhone) };
    }
    return { ...page, items: page.items.map(maskedPhone) };
  }

  @Post(':deliveryId/tracking')
  @HttpCode(200)
  @Roles('COURIER')
  @ApiOperation({
    summary: "Record the carrier's report on a dispatched parcel: IN_TRANSIT, OUT_FOR_DELIVERY or FAILED.",
    description:
      'FAILED sends the delivery back to READY for a new dispatch batch while attempts are left (DELIVERY_MAX_ATTEMPTS, default 2), ' +
      'and after the last one to the accepting center (RETURNED_TO_WINDOW), where it is collected with a pickup code like a window delivery. ' +
      'Every failure is told to the applicant (delivery.delivery.failed.v1), the return too (delivery.delivery.returned-to-window.v1).',
  })
  @ApiBody({ type: TrackingDto, examples: { failed: { summary: 'Nobody at home', value: { status: 'FAILED', at: '2026-12-03T15:20:00+08:00', note: '收件人电话无人接听' } } } })
  @ApiOkResponse({ type: DeliveryViewDto })
  @ApiIdempotent()
  @ApiErrors([400, 404, 409, 422, 503], DELIVERY_ERRORS)
  track(@Param() p: DeliveryIdParam, @Body() body: TrackingDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<DeliveryView> {
    const cmd: Command<TrackingRequest> = { actor, data: { deliveryId: p.deliveryId, status: body.status, at: body.at, ...(body.note !== undefined ? { note: body.note } : {}) } };
    return this.rpc.request(Rpc.delivery.track, cmd, { correlationId }).catch(outsideCourierScope(p.deliveryId));
  }

  @Post(':deliveryId/dispatch')
  @HttpCode(200)
  @Roles('COURIER')
  @ApiOperation({ summary: 'Hand the certificates to the carrier.' })
  @ApiBody({ type: DispatchDto, examples: { ems: { summary: 'By EMS', value: { carrier: 'EMS', waybillNo: '1234567890123' } } } })
  @ApiOkResponse({ type: DeliveryViewDto })
  @ApiIdempotent()
  @ApiErrors([400, 404, 409, 503], DELIVERY_ERRORS)
  dispatch(@Param() p: DeliveryIdParam, @Body() body: DispatchDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<DeliveryView> {
    const cmd: Command<DispatchRequest> = { actor, data: { deliveryId: p.deliveryId, ...body } };
    return this.rpc.request(Rpc.delivery.dispatch, cmd, { correlationId }).catch(outsideCourierScope(p.deliveryId));
  }

  @Post(':deliveryId/unlock-pickup')
  @HttpCode(200)
  @Roles('SUPERVISOR')
  @ApiOperation({ summary: 'After five failed pickup attempts, let the window try again once the applicant was verified in person.' })
  @ApiBody({ type: UnlockPickupDto, examples: { verified: { summary: 'Verified at the window', value: { reason: '已核验申请人身份证原件，本人领取' } } } })
  @ApiOkResponse({ type: DeliveryViewDto })
  @ApiIdempotent()
  @ApiErrors([400, 404, 409, 503], DELIVERY_ERRORS)
  unlockPickup(@Param() p: DeliveryIdParam, @Body() body: UnlockPickupDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<DeliveryView> {
    const cmd: Command<UnlockPickupRequest> = { actor, data: { deliveryId: p.deliveryId, reason: body.reason } };
    return this.rpc.request(Rpc.delivery.unlockPickup, cmd, { correlationId });
  }

  @Post(':deliveryId/delivered')
  @HttpCode(200)
  @Roles('COURIER')
  @ApiOperation({ summary: 'Record the signed receipt of a courier delivery.' })
  @ApiBody({ type: DeliveredDto, examples: { signed: { summary: 'Signed by the applicant', value: { signedBy: '张三' } } } })
  @ApiOkResponse({ type: DeliveryViewDto })
  @ApiIdempotent()
  @ApiErrors([400, 404, 409, 503], DELIVERY_ERRORS)
  delivered(@Param() p: DeliveryIdParam, @Body() body: DeliveredDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<DeliveryView> {
    const cmd: Command<DeliveredRequest> = { actor, data: { deliveryId: p.deliveryId, signedBy: body.signedBy } };
    return this.rpc.request(Rpc.delivery.markDelivered, cmd, { correlationId }).catch(outsideCourierScope(p.deliveryId));
  }

  @Post(':deliveryId/pickup')
  @HttpCode(200)
  @Roles('CLERK')
  @ApiOperation({
    summary: "Release the certificates at the window (a WINDOW delivery, or a courier one RETURNED_TO_WINDOW): pickup code plus the applicant's ID, or a proxy's.",
    description: '委托代领: with `proxy`, idNumber is the ID card the proxy shows and must equal proxy.idNumber; the code is then the authorisation. The proxy\'s name signs, and only the masked ID number is kept.',
  })
  @ApiBody({
    type: PickupDto,
    examples: {
      pickup: { summary: 'The applicant shows the SMS and an ID card', value: { pickupCode: '482913', idNumber: '11010519491231002X' } },
      proxy: { summary: '委托代领: a proxy with the code and their own ID card', value: { pickupCode: '482913', idNumber: '440524188001010014', proxy: { name: '王五', idNumber: '440524188001010014' } } },
    },
  })
  @ApiOkResponse({ type: DeliveryViewDto })
  @ApiIdempotent()
  @ApiErrors([400, 404, 409, 422, 503], {
    ...DELIVERY_ERRORS,
    422: { code: 'DELIVERY.PICKUP_CHECK_FAILED', message: 'The pickup code or the ID number does not match.' },
  })
  pickup(@Param() p: DeliveryIdParam, @Body() body: PickupDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<DeliveryView> {
    const cmd: Command<PickupRequest> = {
      actor,
      data: { deliveryId: p.deliveryId, pickupCode: body.pickupCode, idNumber: body.idNumber, ...(body.proxy ? { proxy: { name: body.proxy.name, idNumber: body.proxy.idNumber } } : {}) },
    };
    return this.rpc.request(Rpc.delivery.pickup, cmd, { correlationId });
  }
}

/** What a courier needs to deliver (docs/ACCESS.md): the delivery's own facts, the recipient's name, masked phone and address. */
function forCourier(d: DeliveryView): DeliveryView {
  const { deliveryId, caseNo, method, status, certificates, recipient, phone, address, carrier, waybillNo, signedBy, createdAt, dispatchedAt, deliveredAt, failedAttempts, tracking, batchId, returnedAt } = d;
  const view = { deliveryId, caseNo, method, status, certificates, recipient, phone: phone ? maskPhone(phone) : undefined, address, carrier, waybillNo, signedBy, createdAt, dispatchedAt, deliveredAt, failedAttempts, tracking, batchId, returnedAt };
  return Object.fromEntries(Object.entries(view).filter(([, v]) => v !== undefined)) as unknown as DeliveryView;
}

/** A staff list never shows a full phone number. */
function maskedPhone(d: DeliveryView): DeliveryView {
  return d.phone ? { ...d, phone: maskPhone(d.phone) } : d;
}

/**
 * A courier's command on a WINDOW delivery: outside their scope, so the answer an unknown delivery gets (404), not
 * the service's 409 that would confirm the delivery exists and how it goes.
 */
function outsideCourierScope(deliveryId: string) {
  return (e: unknown): never => {
    if (e instanceof AppError && e.code === ErrorCodes.DELIVERY_WRONG_METHOD) throw AppError.notFound(ErrorCodes.DELIVERY_NOT_FOUND, `No delivery ${deliveryId}.`);
    throw e;
  };
}
