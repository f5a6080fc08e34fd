/**
 * Personal data never reaches a log line, whatever a message or an error happens to quote: resident ID numbers
 * (18 characters), unified social credit codes and mainland mobile numbers are masked in the middle.
 */
const ID_NUMBER = /(?<![0-9A-Z])(\d{4})\d{10}(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const CREDIT_CODE = /(?<![0-9A-Z])([0-9A-HJ-NPQRTUWXY]{2}\d{2})[0-9A-HJ-NPQRTUWXY]{10}([0-9A-HJ-NPQRTUWXY]{4})(?![0-9A-Z])/g;
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

/**
 * Takes anything a caller hands a logger (undefined stacks, objects, numbers) and never throws: the logger is
 * called from catch blocks, where a second error would end the process.
 */
export function redact(text: unknown): string {
  const s = typeof text === 'string' ? text : text === undefined || text === null ? '' : safeString(text);
  return s.replace(ID_NUMBER, '$1**********$2').replace(CREDIT_CODE, '$1**********$2').replace(MOBILE, '$1****$2');
}

function safeString(v: unknown): string {
  try {
    if (v instanceof Error) return v.stack ?? `${v.name}: ${v.message}`;
    if (typeof v === 'object') return JSON.stringify(v) ?? String(v);
    return String(v);
  } catch {
    return '[unprintable]';
  }
}
