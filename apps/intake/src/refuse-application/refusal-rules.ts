import { creditCodeProblem, idCardProblem, isMainlandMobile } from '#libs/checks';
import type { Problem, RefuseRequest } from '#libs/contracts';

export const REFUSAL_REASON_MAX = 2000;

/**
 * What a refusal (不予受理决定) must carry to be served on the applicant: who, for which item, at which center and why.
 * The applicant need not be eligible for the item (that may be the very reason); their identity must be valid.
 */
export function refusalProblems(req: Partial<RefuseRequest> | undefined, known: { item: boolean; center: boolean }): Problem[] {
  const p: Problem[] = [];
  if (!known.item) p.push({ field: 'itemCode', rule: 'knownItem', message: `no service item ${JSON.stringify(req?.itemCode)} in the catalog` });
  if (!known.center) p.push({ field: 'centerCode', rule: 'knownCenter', message: `no service center ${JSON.stringify(req?.centerCode)}` });
  const a = req?.applicant;
  if (!a || typeof a !== 'object') {
    p.push({ field: 'applicant', rule: 'isDefined', message: 'applicant is required' });
  } else {
    if (a.type !== 'PERSON' && a.type !== 'ORG') p.push({ field: 'applicant.type', rule: 'isIn', message: 'applicant.type must be PERSON or ORG' });
    if (typeof a.name !== 'string' || !a.name.trim()) p.push({ field: 'applicant.name', rule: 'isNotEmpty', message: 'applicant.name is required' });
    const expected = a.type === 'ORG' ? 'USCC' : 'ID_CARD';
    if (a.idType !== expected) {
      p.push({ field: 'applicant.idType', rule: 'idTypeMatchesApplicant', message: `a ${a.type ?? 'PERSON'} applicant is identified by ${expected}` });
    } else {
      const problem = typeof a.idNumber !== 'string' ? 'is required' : a.idType === 'ID_CARD' ? idCardProblem(a.idNumber) : creditCodeProblem(a.idNumber);
      if (problem) p.push({ field: 'applicant.idNumber', rule: a.idType === 'ID_CARD' ? 'gb11643' : 'gb32100', message: `idNumber ${problem}` });
    }
    if (a.phone !== undefined && !(typeof a.phone === 'string' && isMainlandMobile(a.phone))) {
      p.push({ field: 'applicant.phone', rule: 'mainlandMobile', message: 'phone must be a mainland mobile number (11 digits starting 13-19)' });
    }
  }
  const reason = typeof req?.reason === 'string' ? req.reason.trim() : '';
  if (!reason) p.push({ field: 'reason', rule: 'isNotEmpty', message: 'a refusal must state its reason in writing' });
  else if (reason.length > REFUSAL_REASON_MAX) p.push({ field: 'reason', rule: 'maxLength', message: `reason must be at most ${REFUSAL_REASON_MAX} characters` });
  return p;
}
