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
  TASK_NOT_FOUND: 'TASK.NOT_FOUND',
  TASK_ALREADY_DECIDED: 'TASK.ALREADY_DECIDED',
  TASK_NOT_YOURS: 'TASK.NOT_YOUR_DEPARTMENT',
  NOTICE_NOT_FOUND: 'PAYMENT_NOTICE.NOT_FOUND',
  NOTICE_NOT_PAYABLE: 'PAYMENT_NOTICE.NOT_PAYABLE',
  PAYMENT_AMOUNT_MISMATCH: 'PAYMENT.AMOUNT_MISMATCH',
  PAYMENT_DUPLICATE_REFERENCE: 'PAYMENT.DUPLICATE_REFERENCE',
  DELIVERY_NOT_FOUND: 'DELIVERY.NOT_FOUND',
  DELIVERY_WRONG_STATE: 'DELIVERY.WRONG_STATE',
  DELIVERY_WRONG_METHOD: 'DELIVERY.WRONG_METHOD',
  PICKUP_CHECK_FAILED: 'DELIVERY.PICKUP_CHECK_FAILED',
  PICKUP_LOCKED: 'DELIVERY.PICKUP_LOCKED',
  CONCURRENT_UPDATE: 'CONCURRENT_UPDATE',
  AUTH_INVALID_CREDENTIALS: 'AUTH.INVALID_CREDENTIALS',
  AUTH_UNAUTHENTICATED: 'AUTH.UNAUTHENTICATED',
  AUTH_FORBIDDEN: 'AUTH.FORBIDDEN',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY.KEY_REUSED',
  IDEMPOTENCY_IN_PROGRESS: 'IDEMPOTENCY.IN_PROGRESS',
  RATE_LIMITED: 'REQUEST.RATE_LIMITED',
  ROUTE_NOT_FOUND: 'ROUTE.NOT_FOUND',
} as const;
