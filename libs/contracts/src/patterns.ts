/** The shapes of the codes and names every service and the gateway agree on; one home for each pattern. */

/** A department code as the catalog has it (upper case): `NRB`, `TAX`. */
export const DEPARTMENT_CODE = /^[A-Z0-9_-]{1,32}$/;

/** A staff user's name: `rep.nrb`. */
export const USERNAME = /^[A-Za-z0-9._-]{1,64}$/;

/** A service item code (事项编码): `RE-TRANSFER`, `330000-000-XK-001`. */
export const ITEM_CODE = /^[A-Za-z0-9._-]{1,64}$/;

/** Case numbers and the other ids the services define: the gateway keeps everything else from reaching NATS. */
export const RESOURCE_ID = /^[A-Za-z0-9_-]{1,64}$/;
