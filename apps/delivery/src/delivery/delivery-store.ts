import { AppError, ErrorCodes } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { queryOne, queryRows } from '#libs/persistence';
import { isDeliveryId } from './command-checks.js';
import { DELIVERY_COLUMNS, type DeliveryRow } from './delivery-row.js';

/** Locks the delivery a command decides on, so a concurrent command waits and then sees the outcome. */
export async function lockDelivery(tx: Tx, deliveryId: string): Promise<DeliveryRow> {
  const row = isDeliveryId(deliveryId)
    ? await queryOne<DeliveryRow>(tx.manager, `SELECT ${DELIVERY_COLUMNS} FROM delivery.deliveries WHERE id = $1 FOR UPDATE`, [deliveryId])
    : undefined;
  if (!row) throw AppError.notFound(ErrorCodes.DELIVERY_NOT_FOUND, `Delivery ${deliveryId} does not exist.`);
  return row;
}

/**
 * Moves a delivery from the state it was read in, and only from that state: 0 rows means someone else won.
 * `set` is a fixed SQL fragment written by the caller; its values go through `params` as $5, $6, ...
 */
export async function transition(tx: Tx, row: DeliveryRow, to: DeliveryRow['status'], set: string, params: unknown[]): Promise<DeliveryRow> {
  const [updated] = await queryRows<DeliveryRow>(
    tx.manager,
    `UPDATE delivery.deliveries SET status = $3, version = version + 1, ${set}
      WHERE id = $1 AND version = $2 AND status = $4
      RETURNING ${DELIVERY_COLUMNS}`,
    [row.id, row.version, to, row.status, ...params],
  );
  if (!updated) throw AppError.conflict(ErrorCodes.CONCURRENT_UPDATE, `Delivery ${row.id} changed meanwhile; look again.`);
  return updated;
}

export function wrongState(row: DeliveryRow, expected: DeliveryRow['status']): AppError {
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
