import { AppError, ErrorCodes } from '#libs/contracts';
import type { DeliveryRow } from './delivery.repository.js';

export function wrongState(row: DeliveryRow, expected: DeliveryRow['status'] | string): AppError {
  return AppError.conflict(ErrorCodes.DELIVERY_WRONG_STATE, `Delivery ${row.id} is ${row.status}; this needs it ${expected}.`, {
    status: row.status,
    expected,
  });
}

export function wrongMethod(row: DeliveryRow, expected: DeliveryRow['method']): AppError {
  return AppError.conflict(ErrorCodes.DELIVERY_WRONG_METHOD, `Delivery ${row.id} goes by ${row.method}; this is for ${expected} deliveries.`, {
    method: row.method,
    expected,
  });
}
