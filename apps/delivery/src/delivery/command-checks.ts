import type { Command, Problem } from '#libs/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every missing or over-long field of a delivery command, listed together. */
export function commandProblems(cmd: Command<object> | undefined, textFields: Record<string, number>): Problem[] {
  const problems: Problem[] = [];
  if (!cmd?.actor?.id) problems.push({ field: 'actor', rule: 'required', message: 'the acting user is required' });
  for (const [field, max] of Object.entries({ deliveryId: 64, ...textFields })) {
    const v = (cmd?.data as Record<string, unknown> | undefined)?.[field];
    if (typeof v !== 'string' || v.trim() === '') problems.push({ field, rule: 'required', message: `${field} is required` });
    else if (v.length > max) problems.push({ field, rule: 'maxLength', message: `${field} is at most ${max} characters` });
  }
  return problems;
}

/** Ids are UUIDs; anything else cannot name a delivery (and would make PostgreSQL's uuid cast fail). */
export function isDeliveryId(id: string): boolean {
  return UUID.test(id);
}
