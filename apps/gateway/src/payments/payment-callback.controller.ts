import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Rpc, type BankCallbackReply } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { Public } from '../auth/roles.decorator.js';
import { ApiErrors } from '../common/api-docs.js';
import { CorrelationId } from '../http/request-context.js';
import { CallbackSignatureGuard } from './callback-signature.guard.js';
import { BankCallbackDto } from './dto/bank-callback.dto.js';

const EXAMPLE = { noticeNo: 'PN202612020000018', amountFen: 9000, bankReference: 'UP202612021015000001', channel: 'UNIONPAY', paidAt: '2026-12-02T10:15:00+08:00' };

/** Banks and online channels report payments here: no login, an HMAC signature instead. */
@ApiTags('fees')
@Public()
@Controller('payments')
export class PaymentCallbackController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('callback')
  @HttpCode(200)
  @UseGuards(CallbackSignatureGuard)
  @ApiOperation({
    summary: 'Bank / online payment callback (signed). A retry with the same bankReference gets the first answer, never a second payment.',
    description:
      'X-Signature = lowercase hex HMAC-SHA256 over `${X-Timestamp}.${raw body}` with PAYMENT_CALLBACK_SECRET. ' +
      'A payment for a notice already paid is answered 409 and kept as a double payment to refund; unknown, void or expired notices and wrong amounts are refused (the bank reverses) and listed in the reconciliation exceptions.',
  })
  @ApiHeader({ name: 'X-Timestamp', required: true, description: 'Unix seconds; at most 5 minutes from our clock.' })
  @ApiHeader({ name: 'X-Signature', required: true, description: 'Lowercase hex HMAC-SHA256 of "<X-Timestamp>.<raw body>".' })
  @ApiBody({ type: BankCallbackDto, examples: { paid: { summary: 'UnionPay reports a payment', value: EXAMPLE } } })
  @ApiResponse({ status: 200, description: 'Paid (or the first answer again, for a retry).', example: { outcome: 'PAID', noticeNo: EXAMPLE.noticeNo, bankReference: EXAMPLE.bankReference } })
  @ApiResponse({ status: 401, description: 'Missing or bad signature, or a timestamp more than 5 minutes off: nothing written.', example: { code: 'CALLBACK.BAD_SIGNATURE', message: 'X-Timestamp and X-Signature … are missing or wrong.' } })
  @ApiErrors([400, 404, 409, 422, 503], {
    404: { outcome: 'UNKNOWN_NOTICE', code: 'PAYMENT_NOTICE.NOT_FOUND', message: 'Payment notice PN202612020000018 does not exist.' },
    409: { outcome: 'DOUBLE_PAYMENT', code: 'PAYMENT_NOTICE.NOT_PAYABLE', message: 'Payment notice PN202612020000018 is PAID and cannot be paid.' },
    422: { outcome: 'EXPIRED', code: 'NOTICE.EXPIRED', message: 'Payment notice PN202612020000018 expired; the finance window reissues it.' },
  })
  async callback(@Body() body: BankCallbackDto, @CorrelationId() correlationId: string, @Res({ passthrough: true }) res: Response): Promise<BankCallbackReply['body']> {
    const reply = await this.rpc.request(Rpc.fees.bankCallback, { ...body }, { correlationId });
    res.status(reply.status);
    return reply.body;
  }
}
