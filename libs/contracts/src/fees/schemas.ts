import { IsInstant } from '../instant.js';
// class-transformer's @Type reads design-time types when the class is defined, whoever imports #libs/contracts.
import 'reflect-metadata';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { NOTICE_STATUSES, PAYMENT_CHANNELS } from './rpc.js';

/**
 * The one schema of each fee command: the gateway's DTOs extend these and only add OpenAPI descriptions; the fees
 * service checks the command's data with the same class (checkCommand). Money is whole fen, positive, and at most
 * 9,999,999,999 fen (99,999,999.99 yuan: what a notice can show in capitals); a fraction of a fen is refused.
 */
export const MAX_AMOUNT_FEN = 9_999_999_999;
export const NOTICE_NO_PATTERN = /^PN\d{14,20}[\dX]?$/;

const notBlank = (field: string) => ({ message: `${field} must not be blank` });

/** A payment notice number, one rule wherever one is taken. */
function IsNoticeNo(): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    Matches(NOTICE_NO_PATTERN, { message: 'noticeNo must be a payment notice number (PN…)' })(target, key);
  };
}

/** Whole fen, positive, at most MAX_AMOUNT_FEN. */
function IsAmountFen(): PropertyDecorator {
  return (target, key) => {
    IsInt({ message: 'amountFen must be a whole number of fen' })(target, key);
    Min(1, { message: 'amountFen must be at least 1 fen' })(target, key);
    Max(MAX_AMOUNT_FEN)(target, key);
  };
}

/** POST /payment-notices/{noticeNo}/payments (the finance window). */
export class PaymentSchema {
  @IsAmountFen()
  amountFen: number;

  @IsIn(PAYMENT_CHANNELS)
  channel: string;

  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, notBlank('reference'))
  @MaxLength(64)
  reference: string;
}

export class RecordPaymentSchema extends PaymentSchema {
  @IsNoticeNo()
  noticeNo: string;
}

/** POST /payments/callback: what a bank reports; the signature was checked before this. */
export class BankCallbackSchema {
  @IsNoticeNo()
  noticeNo: string;

  @IsAmountFen()
  amountFen: number;

  @IsString()
  @IsNotEmpty()
  @Matches(/^[A-Za-z0-9._:-]{1,64}$/, { message: 'bankReference must be 1-64 letters, digits, or . _ : -' })
  bankReference: string;

  @IsIn(PAYMENT_CHANNELS)
  channel: string;

  @IsInstant({ strictSeparator: true }, { message: 'paidAt must be an ISO-8601 time with its offset, e.g. 2026-12-02T10:15:00+08:00' })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'paidAt must carry its offset (Z or +08:00)' })
  paidAt: string;
}

/** POST /payment-notices/{noticeNo}/refunds. */
export class RefundBodySchema {
  @IsAmountFen()
  amountFen: number;

  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, notBlank('reason'))
  @MaxLength(500)
  reason: string;

  @IsOptional()
  @IsIn(PAYMENT_CHANNELS)
  channel?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{1,31}$/, { message: 'department must be a department code' })
  department?: string;
}

export class RefundSchema extends RefundBodySchema {
  @IsNoticeNo()
  noticeNo: string;
}

/** POST /payment-notices/{noticeNo}/reissue. */
export class ReissueBodySchema {
  @IsOptional()
  @IsString()
  @Matches(/\S/, notBlank('reason'))
  @MaxLength(500)
  reason?: string;
}

export class ReissueNoticeSchema extends ReissueBodySchema {
  @IsNoticeNo()
  noticeNo: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** GET /payment-notices: every filter optional; `from`/`to` are Asia/Shanghai dates, both ends included. */
export class ListNoticesSchema {
  @IsOptional()
  @IsIn(NOTICE_STATUSES)
  status?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{1,31}$/, { message: 'department must be a department code' })
  department?: string;

  @IsOptional()
  @IsString()
  @Matches(DATE, { message: 'from must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a date that exists' })
  from?: string;

  @IsOptional()
  @IsString()
  @Matches(DATE, { message: 'to must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a date that exists' })
  to?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(200)
  limit?: number;
}
