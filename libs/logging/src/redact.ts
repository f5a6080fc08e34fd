/**
 * Personal data never reaches a log line, whatever a message or an error happens to quote: resident ID numbers
 * (18 characters), unified social credit codes and mainland mobile numbers are masked in the middle.
 */
const ID_NUMBER = /(?<![0-9A-Z])(\d{4})\d{10}(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const CREDIT_CODE = /(?<![0-9A-Z])([0-9A-HJ-NPQRTUWXY]{2}\d{2})[0-9A-HJ-NPQRTUWXY]{10}([0-9A-HJ-NPQRTUWXY]{4})(?![0-9A-Z])/g;
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

export function redact(text: string): string {
  return text.replace(ID_NUMBER, '$1**********$2').replace(CREDIT_CODE, '$1**********$2').replace(MOBILE, '$1****$2');
}
