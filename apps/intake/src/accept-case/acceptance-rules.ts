import { commandProblems, ErrorCodes, PostalAddressSchema, type AcceptCaseRequest, type Actor, type Problem, type ServiceItem } from '#libs/contracts';
import { checkForm, creditCodeProblem, fallbackQuantitySpec, formFieldProblem, idCardProblem, isMainlandMobile } from '#libs/checks';

export interface MissingMaterial {
  code: string;
  name: string;
  /** MISSING: not handed in; DEFECTIVE: handed in but unusable (detail says why). */
  reason: 'MISSING' | 'DEFECTIVE';
  detail?: string;
  /** The item lets the window accept without it for now (容缺受理). */
  tolerable: boolean;
}

export interface AcceptanceCheck {
  /** Problems with the request itself (wrong applicant type, bad ID…): answered 422, nothing written. */
  problems: Problem[];
  /** Required materials not provided or defective: the one-time notice lists all of them (or, if all are tolerable, pending). */
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
  problems.push(...deliveryAddressProblems(req.delivery));
  if (req.delivery.phone && !isMainlandMobile(req.delivery.phone)) {
    problems.push({ field: 'delivery.phone', rule: 'mainlandMobile', message: 'delivery phone must be a mainland mobile number' });
  }
  problems.push(...checkFormFields(item, req.form ?? {}));

  const given = new Map(req.materials.map((m) => [m.code, m]));
  const known = new Set(item.materials.map((m) => m.code));
  const seen = new Set<string>();
  req.materials.forEach((m, i) => {
    if (!known.has(m.code)) problems.push({ field: `materials[${i}].code`, rule: 'knownMaterial', message: `${item.code} has no material ${m.code}` });
    else if (seen.has(m.code)) problems.push({ field: `materials[${i}].code`, rule: 'uniqueMaterial', message: `material ${m.code} is listed twice` });
    seen.add(m.code);
    if (m.defectReason !== undefined && m.defective !== true) {
      problems.push({ field: `materials[${i}].defectReason`, rule: 'onlyWhenDefective', message: 'defectReason goes with defective: true' });
    }
  });
  const missing: MissingMaterial[] = item.materials.flatMap((m): MissingMaterial[] => {
    if (!m.required) return [];
    const g = given.get(m.code);
    // Defective means brought but unusable: it counts as not provided, whatever `provided` says.
    if (g?.defective === true) {
      const detail = g.defectReason?.trim();
      return [{ code: m.code, name: m.name, reason: 'DEFECTIVE', ...(detail ? { detail } : {}), tolerable: m.tolerable }];
    }
    return g?.provided === true ? [] : [{ code: m.code, name: m.name, reason: 'MISSING', tolerable: m.tolerable }];
  });
  return { problems, missing };
}

/**
 * 邮寄送达: a COURIER delivery names where it goes, by level (postalAddress: the province one of the 34 divisions)
 * with the recipient's mobile, or, for a transition, as the deprecated free text (address); not both. A WINDOW one
 * takes no postalAddress. One problem per field, every one listed.
 */
export function deliveryAddressProblems(delivery: AcceptCaseRequest['delivery']): Problem[] {
  const problems: Problem[] = [];
  const postal = delivery.postalAddress;
  if (delivery.method !== 'COURIER') {
    if (postal !== undefined) problems.push({ field: 'delivery.postalAddress', rule: 'onlyForCourier', message: 'postalAddress goes with a COURIER delivery' });
    return problems;
  }
  if (postal === undefined || postal === null) {
    if (!delivery.address?.trim()) {
      problems.push({ field: 'delivery.postalAddress', rule: 'requiredForCourier', message: 'a courier delivery needs an address: postalAddress {province, city, district, detail}' });
    }
    return problems;
  }
  if (delivery.address !== undefined) {
    problems.push({ field: 'delivery.address', rule: 'oneAddress', message: 'send postalAddress or the deprecated address, not both' });
  }
  const nested = commandProblems(PostalAddressSchema, postal);
  if (typeof postal !== 'object' || Array.isArray(postal)) {
    problems.push({ field: 'delivery.postalAddress', rule: 'isObject', message: 'postalAddress must be {province, city, district, detail}' });
  } else {
    problems.push(...nested.problems.map((p) => ({ ...p, field: `delivery.postalAddress.${p.field}` })));
  }
  if (!delivery.phone?.trim()) {
    problems.push({ field: 'delivery.phone', rule: 'requiredForCourier', message: "a courier delivery with a postalAddress needs the recipient's mobile (phone)" });
  }
  return problems;
}

export interface ImmediateCheck {
  problems: Problem[];
  /** Not this actor's to do: answered 403 with this code, before any 422. */
  forbidden?: { code: string; message: string };
}

/**
 * 即办件: only the chief representative of an IMMEDIATE item's single department decides at the window, and a chief
 * representative accepts at the window only to decide on the spot. `forbidden` → 403; `problems` → 422.
 */
export function checkImmediateDecision(item: ServiceItem, actor: Actor, decideNow: AcceptCaseRequest['decideNow']): ImmediateCheck {
  const problems: Problem[] = [];
  if (!decideNow) {
    return actor.role === 'CHIEF_REP'
      ? { problems, forbidden: { code: ErrorCodes.AUTH_FORBIDDEN, message: 'A chief representative accepts at the window only to decide an IMMEDIATE item on the spot: send decideNow.' } }
      : { problems };
  }
  if (actor.role !== 'CHIEF_REP') {
    return { problems, forbidden: { code: ErrorCodes.AUTH_FORBIDDEN, message: "Only the chief representative of the item's department may decide at the window (decideNow)." } };
  }
  if (decideNow.decision !== 'APPROVE' && decideNow.decision !== 'REJECT') {
    problems.push({ field: 'decideNow.decision', rule: 'isIn', message: 'decideNow.decision must be APPROVE or REJECT' });
  }
  const opinion = decideNow.opinion?.trim() ?? '';
  if (decideNow.decision === 'REJECT' && !opinion) {
    problems.push({ field: 'decideNow.opinion', rule: 'required', message: 'a rejection at the window must give the reasons (opinion)' });
  }
  if (opinion.length > 2000) problems.push({ field: 'decideNow.opinion', rule: 'maxLength', message: 'opinion must be at most 2000 characters' });
  const departments = item.reviewPlan.flatMap((s) => s.departments);
  if (item.caseType !== 'IMMEDIATE' || departments.length !== 1) {
    problems.push({
      field: 'decideNow',
      rule: 'immediateItemOnly',
      message: `${item.code} is a ${item.caseType} item; only IMMEDIATE items (即办件) with one department are decided at the window`,
    });
    return { problems };
  }
  if (actor.department !== departments[0]) {
    return {
      problems,
      forbidden: { code: ErrorCodes.CASE_NOT_YOUR_DEPARTMENT, message: `${item.code} is decided by ${departments[0]}; ${actor.department ?? 'this login'} may not decide it.` },
    };
  }
  return { problems };
}

/**
 * The form against the item's declared fields (the catalog's one rule for form values, shared with fees), plus what
 * fee rules read from it: a quantity the item does not declare is a whole number 0..9999 (fees reads it so too), a
 * rate key must be priced, and a `when` field must take one of the values the rules name. One problem per field.
 */
function checkFormFields(item: ServiceItem, form: Record<string, unknown>): Problem[] {
  const declared = item.formFields ?? [];
  const problems: Problem[] = checkForm(declared, form);
  const add = (p: Problem) => {
    if (!problems.some((q) => q.field === p.field)) problems.push(p);
  };
  const isDeclared = (name: string) => declared.some((f) => f.name === name);
  for (const rule of item.fees) {
    if (rule.quantityFrom && !isDeclared(rule.quantityFrom)) {
      const p = formFieldProblem(fallbackQuantitySpec(rule.quantityFrom), Object.hasOwn(form, rule.quantityFrom) ? form[rule.quantityFrom] : undefined);
      if (p) add(p);
    }
    if (rule.unitPriceFenBy) {
      const v = form[rule.unitPriceFenBy.field];
      if (typeof v !== 'string' || !Object.hasOwn(rule.unitPriceFenBy.rates, v)) {
        add({
          field: `form.${rule.unitPriceFenBy.field}`,
          rule: 'oneOf',
          message: `${rule.unitPriceFenBy.field} must be one of ${Object.keys(rule.unitPriceFenBy.rates).join(', ')}`,
        });
      }
    }
    for (const field of Object.keys(rule.when ?? {})) {
      const allowed = item.fees.flatMap((r) => {
        const w = r.when?.[field];
        return w === undefined ? [] : Array.isArray(w) ? w : [w];
      });
      if (form[field] === undefined || !allowed.includes(form[field] as string)) {
        add({ field: `form.${field}`, rule: 'oneOf', message: `${field} must be one of ${[...new Set(allowed)].join(', ')}` });
      }
    }
  }
  return problems;
}
