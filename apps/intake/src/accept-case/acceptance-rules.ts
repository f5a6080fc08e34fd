import type { AcceptCaseRequest, Problem, ServiceItem } from '#libs/contracts';
import { creditCodeProblem, idCardProblem, isMainlandMobile } from '#libs/checks';

export interface MissingMaterial {
  code: string;
  name: string;
  reason: 'MISSING' | 'UNKNOWN';
}

export interface AcceptanceCheck {
  /** Problems with the request itself (wrong applicant type, bad ID…): answered 422, nothing written. */
  problems: Problem[];
  /** Required materials not provided: the one-time notice lists all of them. */
  missing: MissingMaterial[];
}

/** Everything wrong with an application, found in one pass so the applicant hears it all at once (一次性告知). */
export function checkApplication(item: ServiceItem, req: AcceptCaseRequest): AcceptanceCheck {
  const problems: Problem[] = [];
  const { applicant } = req;
  if (!item.applicantTypes.includes(applicant.type)) {
    problems.push({
      field: 'applicant.type',
      rule: 'applicantTypeAllowed',
      message: `${item.code} accepts applicants of type ${item.applicantTypes.join(' or ')}, not ${applicant.type}`,
    });
  }
  const expectedIdType = applicant.type === 'PERSON' ? 'ID_CARD' : 'USCC';
  if (applicant.idType !== expectedIdType) {
    problems.push({ field: 'applicant.idType', rule: 'idTypeMatchesApplicant', message: `a ${applicant.type} applicant is identified by ${expectedIdType}` });
  } else {
    const idProblem = applicant.idType === 'ID_CARD' ? idCardProblem(applicant.idNumber) : creditCodeProblem(applicant.idNumber);
    if (idProblem) problems.push({ field: 'applicant.idNumber', rule: applicant.idType === 'ID_CARD' ? 'gb11643' : 'gb32100', message: `idNumber ${idProblem}` });
  }
  if (!isMainlandMobile(applicant.phone)) {
    problems.push({ field: 'applicant.phone', rule: 'mainlandMobile', message: 'phone must be a mainland mobile number (11 digits starting 13-19)' });
  }
  if (req.delivery.method === 'COURIER' && !req.delivery.address?.trim()) {
    problems.push({ field: 'delivery.address', rule: 'requiredForCourier', message: 'a courier delivery needs an address' });
  }
  if (req.delivery.phone && !isMainlandMobile(req.delivery.phone)) {
    problems.push({ field: 'delivery.phone', rule: 'mainlandMobile', message: 'delivery phone must be a mainland mobile number' });
  }
  problems.push(...checkFormFields(item, req.form ?? {}));

  const provided = new Map(req.materials.map((m) => [m.code, m.provided]));
  const known = new Set(item.materials.map((m) => m.code));
  req.materials.forEach((m, i) => {
    if (!known.has(m.code)) problems.push({ field: `materials[${i}].code`, rule: 'knownMaterial', message: `${item.code} has no material ${m.code}` });
  });
  const missing: MissingMaterial[] = item.materials
    .filter((m) => m.required && provided.get(m.code) !== true)
    .map((m) => ({ code: m.code, name: m.name, reason: 'MISSING' as const }));
  return { problems, missing };
}

/** Form fields that fee rules price by must be present and typed, or fees would be assessed wrongly later. */
function checkFormFields(item: ServiceItem, form: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  for (const rule of item.fees) {
    if (rule.quantityFrom) {
      const v = form[rule.quantityFrom];
      if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0)) {
        problems.push({ field: `form.${rule.quantityFrom}`, rule: 'nonNegativeInteger', message: `${rule.quantityFrom} must be a whole number ≥ 0` });
      }
    }
    if (rule.unitPriceFenBy) {
      const v = form[rule.unitPriceFenBy.field];
      if (typeof v !== 'string' || !(v in rule.unitPriceFenBy.rates)) {
        problems.push({
          field: `form.${rule.unitPriceFenBy.field}`,
          rule: 'oneOf',
          message: `${rule.unitPriceFenBy.field} must be one of ${Object.keys(rule.unitPriceFenBy.rates).join(', ')}`,
        });
      }
    }
    for (const [field, expected] of Object.entries(rule.when ?? {})) {
      const allowed = item.fees.flatMap((r) => {
        const w = r.when?.[field];
        return w === undefined ? [] : Array.isArray(w) ? w : [w];
      });
      if (form[field] === undefined || !allowed.includes(form[field] as string)) {
        const message = `${field} must be one of ${[...new Set(allowed)].join(', ')}`;
        if (!problems.some((p) => p.field === `form.${field}`)) problems.push({ field: `form.${field}`, rule: 'oneOf', message });
      }
      void expected;
    }
  }
  return problems;
}
