/** One problem with an input: the system practises 一次性告知 too, so problems are always listed together. */
export interface Problem {
  field: string;
  rule: string;
  message: string;
}

/**
 * An error with a stable code, the same over NATS and HTTP. `status` is the HTTP status the gateway answers with.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toJSON(): SerializedError {
    return { code: this.code, message: this.message, status: this.status, details: this.details };
  }

  static from(e: SerializedError): AppError {
    return new AppError(e.code, e.message, e.status, e.details);
  }

  static notFound(code: string, message: string): AppError {
    return new AppError(code, message, 404);
  }

  static conflict(code: string, message: string, details?: unknown): AppError {
    return new AppError(code, message, 409, details);
  }

  static invalid(code: string, problems: Problem[], message = 'The request has problems; every one is listed.'): AppError {
    return new AppError(code, message, 422, { problems });
  }

  static forbidden(code: string, message: string): AppError {
    return new AppError(code, message, 403);
  }
}

export interface SerializedError {
  code: string;
  message: string;
  status: number;
  details?: unknown;
}

export const ErrorCodes = {
  VALIDATION: 'REQUEST.INVALID',
  UNAVAILABLE: 'SERVICE.UNAVAILABLE',
  INTERNAL: 'INTERNAL',
  ITEM_NOT_FOUND: 'CATALOG.ITEM_NOT_FOUND',
  CASE_NOT_FOUND: 'CASE.NOT_FOUND',
  CASE_INVALID: 'CASE.INVALID',
  CASE_MATERIALS_MISSING: 'CASE.MATERIALS_MISSING',
  CASE_NOT_WITHDRAWABLE: 'CASE.NOT_WITHDRAWABLE',
  CASE_CLOSED: 'CASE.CLOSED',
  CASE_NOT_YOUR_DEPARTMENT: 'CASE.NOT_YOUR_DEPARTMENT',
  CATALOG_INVALID: 'CATALOG.INVALID',
  CATALOG_ITEM_EXISTS: 'CATALOG.ITEM_EXISTS',
  ONE_TIME_NOTICE_NOT_FOUND: 'ONE_TIME_NOTICE.NOT_FOUND',
  REFUSAL_NOT_FOUND: 'REFUSAL.NOT_FOUND',
  REFUSAL_INVALID: 'REFUSAL.INVALID',
  SUPPLEMENT_INVALID: 'SUPPLEMENT.INVALID',
  TASK_NOT_FOUND: 'TASK.NOT_FOUND',
  TASK_ALREADY_DECIDED: 'TASK.ALREADY_DECIDED',
  TASK_NOT_YOURS: 'TASK.NOT_YOUR_DEPARTMENT',
  // the clock (#4): extension (延期) and supervision
  TASK_NOT_OPEN: 'TASK.NOT_OPEN',
  TASK_ALREADY_EXTENDED: 'TASK.ALREADY_EXTENDED',
  TASK_EXTENSION_TOO_LATE: 'TASK.EXTENSION_TOO_LATE',
  TASK_EXTENSION_BEYOND_LEGAL_LIMIT: 'TASK.EXTENSION_BEYOND_LEGAL_LIMIT',
  // department workbench (#4)
  ASSIGNEE_NOT_IN_DEPARTMENT: 'TASK.ASSIGNEE_NOT_IN_DEPARTMENT',
  DEPARTMENT_NOT_YOURS: 'DEPARTMENT.NOT_YOURS',
  USER_NOT_FOUND: 'USER.NOT_FOUND',
  DELEGATION_NOT_FOUND: 'DELEGATION.NOT_FOUND',
  DELEGATION_ALREADY_REVOKED: 'DELEGATION.ALREADY_REVOKED',
  DELEGATION_INVALID: 'DELEGATION.INVALID',
  SURVEY_NOT_REQUIRED: 'SURVEY.NOT_REQUIRED',
  SURVEY_NOT_FOUND: 'SURVEY.NOT_FOUND',
  SURVEY_NOT_LEAD: 'SURVEY.NOT_LEAD_DEPARTMENT',
  SURVEY_STAGE_NOT_OPEN: 'SURVEY.STAGE_NOT_OPEN',
  SURVEY_ALREADY_SCHEDULED: 'SURVEY.ALREADY_SCHEDULED',
  SURVEY_FINDINGS_RECORDED: 'SURVEY.FINDINGS_ALREADY_RECORDED',
  SURVEY_NOT_RECORDED: 'SURVEY.NOT_RECORDED',
  OPINION_NOT_ALLOWED: 'OPINION.NO_TASK_IN_CASE',
  NOTICE_NOT_FOUND: 'PAYMENT_NOTICE.NOT_FOUND',
  NOTICE_NOT_PAYABLE: 'PAYMENT_NOTICE.NOT_PAYABLE',
  PAYMENT_AMOUNT_MISMATCH: 'PAYMENT.AMOUNT_MISMATCH',
  PAYMENT_DUPLICATE_REFERENCE: 'PAYMENT.DUPLICATE_REFERENCE',
  NOTICE_EXPIRED: 'NOTICE.EXPIRED',
  NOTICE_NOT_REISSUABLE: 'PAYMENT_NOTICE.NOT_REISSUABLE',
  REFUND_NOT_ALLOWED: 'REFUND.EXCEEDS_REFUNDABLE',
  CALLBACK_BAD_SIGNATURE: 'CALLBACK.BAD_SIGNATURE',
  CALLBACK_STALE: 'CALLBACK.STALE_TIMESTAMP',
  DELIVERY_NOT_FOUND: 'DELIVERY.NOT_FOUND',
  DELIVERY_WRONG_STATE: 'DELIVERY.WRONG_STATE',
  DELIVERY_WRONG_METHOD: 'DELIVERY.WRONG_METHOD',
  PICKUP_CHECK_FAILED: 'DELIVERY.PICKUP_CHECK_FAILED',
  PICKUP_LOCKED: 'DELIVERY.PICKUP_LOCKED',
  PICKUP_NOT_LOCKED: 'DELIVERY.PICKUP_NOT_LOCKED',
  CONCURRENT_UPDATE: 'CONCURRENT_UPDATE',
  AUTH_INVALID_CREDENTIALS: 'AUTH.INVALID_CREDENTIALS',
  AUTH_UNAUTHENTICATED: 'AUTH.UNAUTHENTICATED',
  AUTH_FORBIDDEN: 'AUTH.FORBIDDEN',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY.KEY_REUSED',
  IDEMPOTENCY_IN_PROGRESS: 'IDEMPOTENCY.IN_PROGRESS',
  RATE_LIMITED: 'REQUEST.RATE_LIMITED',
  ROUTE_NOT_FOUND: 'ROUTE.NOT_FOUND',
} as const;
