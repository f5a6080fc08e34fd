import { PiiKeyring } from './pii-keyring.js';

/** Which fields of a JSON object hold personal data: `text` ones are strings, `json` ones any JSON (a structured address). */
export interface PersonalFields {
  text?: readonly string[];
  json?: readonly string[];
}

/**
 * A copy of `obj` with the listed fields sealed (absent, null and already sealed values stay as they are: a migration
 * that runs twice changes nothing). Everything else is copied as it is.
 */
export function sealFields<T extends object>(ring: PiiKeyring, obj: T, fields: PersonalFields): T;
export function sealFields<T extends object>(ring: PiiKeyring, obj: T | null | undefined, fields: PersonalFields): T | null | undefined;
export function sealFields<T extends object>(ring: PiiKeyring, obj: T | null | undefined, fields: PersonalFields): T | null | undefined {
  if (!obj || typeof obj !== 'object') return obj;
  const out = { ...obj } as Record<string, unknown>;
  for (const f of fields.text ?? []) {
    const v = out[f];
    if (typeof v === 'string' && !PiiKeyring.isSealed(v)) out[f] = ring.seal(v);
  }
  for (const f of fields.json ?? []) {
    const v = out[f];
    if (v !== undefined && v !== null && !PiiKeyring.isSealed(v)) out[f] = ring.sealJson(v);
  }
  return out as T;
}

/** The inverse of sealFields: a listed field that holds a string must be sealed (PiiCipherError otherwise). */
export function openFields<T extends object>(ring: PiiKeyring, obj: T, fields: PersonalFields): T;
export function openFields<T extends object>(ring: PiiKeyring, obj: T | null | undefined, fields: PersonalFields): T | null | undefined;
export function openFields<T extends object>(ring: PiiKeyring, obj: T | null | undefined, fields: PersonalFields): T | null | undefined {
  if (!obj || typeof obj !== 'object') return obj;
  const out = { ...obj } as Record<string, unknown>;
  for (const f of fields.text ?? []) {
    if (typeof out[f] === 'string') out[f] = ring.open(out[f] as string);
  }
  for (const f of fields.json ?? []) {
    if (typeof out[f] === 'string') out[f] = ring.openJson(out[f] as string);
  }
  return out as T;
}

/** The applicant's personal fields wherever an applicant object is kept (intake's cases, notices, refusals). */
export const APPLICANT_FIELDS: PersonalFields = { text: ['idNumber', 'phone'] };
/** A delivery preference's contact (the recipient's name stays readable: the courier desk lists it). */
export const DELIVERY_CONTACT_FIELDS: PersonalFields = { text: ['phone', 'address'], json: ['postalAddress'] };
