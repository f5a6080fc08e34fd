import { SetMetadata } from '@nestjs/common';

export const CASE_SCOPED_KEY = 'gateway:case-scoped';

/**
 * The route reads or changes one case, named by this path parameter: CaseScopeGuard asks CaseAccess whether the
 * caller's scope covers it before the handler runs (404 CASE.NOT_FOUND when it does not, as for an unknown case).
 * The roles come from @Roles; this only narrows a role to its cases (docs/ACCESS.md).
 */
export const CaseScoped = (param = 'caseNo') => SetMetadata(CASE_SCOPED_KEY, param);
