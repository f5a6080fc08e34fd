import { creditCodeCheckChar } from '#libs/checks';
import { PAYMENT_CHANNELS } from '#libs/contracts';
import { reTransfer, sealFiling } from '../../../support/intake-applications.js';
import { delegationBody, REFUSAL_BODY, type Fixtures } from './fixtures.js';
import { any, arr, bool, date, int, obj, oneOf, Raw, text, type ObjSpec, type Spec } from './spec.js';

/**
 * Every operation of the gateway, checked against its OpenAPI document at run time (a route added there and not
 * here fails the test): who may call it, whether it changes anything, its path parameters and query fields, and
 * for each body a VALID base (the README's and the OpenAPI examples' bodies, pointed at the fixtures) with a Spec
 * saying which values of each field are refused. Variants call a route as different users on different things.
 */
export type Role = 'CLERK' | 'CHIEF_REP' | 'FINANCE' | 'COURIER' | 'SUPERVISOR' | 'ADMIN';
export type ParamKind = 'caseNo' | 'uuid' | 'resourceId' | 'dept' | 'itemCode' | 'paymentNoticeNo' | 'oneTimeNoticeNo' | 'refusalNo' | 'certificateNo' | 'username';

export interface Variant {
  user: string | null;
  params?: Record<string, string>;
  body?: Record<string, unknown>;
  bodySpec?: ObjSpec;
  query?: Record<string, string | undefined>;
  /** Other real ids this user may not act on here (another department's task, a delivery of the other method): refused too. */
  badParams?: Record<string, string[]>;
}

export interface QueryField {
  /** Values refused (or at least odd) for this field, besides the generic ones; Raw = already %-encoded. */
  bad?: readonly (string | Raw)[];
  /** A page cursor, over rows with ids of this kind. */
  cursor?: 'uuid' | 'caseNo';
}

export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As in the OpenAPI document. */
  path: string;
  access: 'public' | 'staff' | readonly Role[];
  /** Changes state when it succeeds: every generated request must be refused (a 2xx is reported). */
  writes: boolean;
  params?: Record<string, ParamKind>;
  /** The route's query DTO (unknown query fields are refused); undefined: the route reads no query. */
  query?: Record<string, QueryField>;
  variants(fx: Fixtures): Variant[];
  /** A 2xx that did nothing (a bulk whose every task failed, a PUT of the same definition). */
  noop2xx?: (body: any, fx: Fixtures) => boolean;
}

export const USERS_BY_ROLE: Record<Role, string[]> = {
  CLERK: ['clerk1'],
  FINANCE: ['finance1'],
  COURIER: ['courier1'],
  SUPERVISOR: ['supervisor1'],
  ADMIN: ['admin'],
  CHIEF_REP: ['rep.nrb', 'rep.hud', 'rep.tax', 'rep.samr'],
};
export const ALL_STAFF = Object.values(USERS_BY_ROLE).flat();

// ---- shared pieces of bodies ----

const BAD_PERSON_IDS = ['110105194912310021', '11010519491231002Y', '123', '110105194913310020', 'XXXXXXXXXXXXXXXXXX', '91510704MA6CU1234H'];
const badOrgIds = () => {
  const body = '91510704MA6CU1234';
  const good = creditCodeCheckChar(body);
  return [body + (good === '0' ? '1' : '0'), '123', body, '11010519491231002X'];
};
const BAD_MOBILES = ['12345678901', '1380013800', '138001380000', 'abcdefghijk', '10000000000', '23800138000'];
const USERNAME_BAD = ['a b', '../admin', 'x'.repeat(65), 'rep/nrb', '用户'];

const applicantSpec = (kind: 'PERSON' | 'ORG'): Spec =>
  obj(
    {
      type: oneOf(['PERSON', 'ORG'], { req: true, bad: [kind === 'PERSON' ? 'ORG' : 'PERSON'] }),
      name: text({ req: true, max: 100, notEmpty: true }),
      idType: oneOf(['ID_CARD', 'USCC'], { req: true, bad: [kind === 'PERSON' ? 'USCC' : 'ID_CARD'] }),
      idNumber: text({ req: true, max: 32, notEmpty: true, bad: kind === 'PERSON' ? BAD_PERSON_IDS : badOrgIds() }),
      phone: text({ req: true, max: 20, notEmpty: true, bad: BAD_MOBILES }),
    },
    { req: true },
  );

const materialsSpec = (max = 100): Spec =>
  arr(
    obj({
      code: text({ req: true, max: 32, notEmpty: true, bad: ['M99', 'm01', 'M 01', 'ZZ'] }),
      provided: bool({ req: true }),
      defective: bool(),
      // defectReason without defective: true is refused, whatever it says.
      defectReason: text({ max: 500, bad: ['复印件不清晰', 'x'] }),
    }),
    { req: true, max },
  );

const decideNowSpec = (present: boolean): Spec =>
  obj(
    { decision: oneOf(['APPROVE', 'REJECT'], { req: true }), opinion: text({ max: 2000 }) },
    // A clerk sending any decideNow is refused (403): only the item's chief representative decides at the window.
    present ? {} : { bad: [{ decision: 'APPROVE' }, { decision: 'REJECT', opinion: '不予备案' }] },
  );

function acceptCaseSpec(variant: 'courier-person' | 'window-org-decide'): ObjSpec {
  const courier = variant === 'courier-person';
  return obj({
    itemCode: text({ req: true, max: 64, notEmpty: true, bad: ['NO-SUCH-ITEM', 're-transfer', 'RE_TRANSFER'] }),
    centerCode: text({ req: true, max: 32, notEmpty: true, bad: ['NOWHERE', '510704-C99', '510704'] }),
    applicant: applicantSpec(courier ? 'PERSON' : 'ORG'),
    materials: materialsSpec(),
    form: courier
      ? obj(
          {
            // RE-TRANSFER's fee rules read propertyType (`when`): absent or any other value is refused.
            propertyType: oneOf(['RESIDENTIAL', 'NON_RESIDENTIAL'], { req: true, bad: ['COMMERCIAL', 'residential'] }),
            // A quantity the item does not declare: a whole number 0..9999 (libs/checks form-fields).
            extraCertificates: int({ min: 0, max: 9999 }),
          },
          { req: true, open: true },
        )
      : obj({}, { open: true }),
    delivery: courier
      ? obj(
          {
            method: oneOf(['WINDOW', 'COURIER'], { req: true }),
            recipient: text({ max: 100 }),
            phone: text({ max: 20, bad: BAD_MOBILES }),
            address: text({ req: true, max: 300, notBlank: true }),
            // pickupCenter goes with a WINDOW delivery only: any value is refused here.
            pickupCenter: text({ max: 32, bad: ['510704-C01', '510704-T01', 'NOWHERE'] }),
          },
          { req: true },
        )
      : obj(
          {
            method: oneOf(['WINDOW', 'COURIER'], { req: true }),
            recipient: text({ max: 100 }),
            phone: text({ max: 20, bad: BAD_MOBILES }),
            address: text({ max: 300 }),
            pickupCenter: text({ max: 32, bad: ['NOWHERE', '510704-T99'] }),
          },
          { req: true },
        ),
    tolerant: bool(),
    decideNow: decideNowSpec(!courier),
  });
}

const refusalSpec = obj({
  itemCode: text({ req: true, max: 64, notEmpty: true, bad: ['NO-SUCH-ITEM', 'TOTALLY-UNKNOWN'] }),
  centerCode: text({ req: true, max: 32, notEmpty: true, bad: ['NOWHERE', '510704-C99'] }),
  applicant: obj(
    {
      type: oneOf(['PERSON', 'ORG'], { req: true, bad: ['ORG'] }),
      name: text({ req: true, max: 100, notBlank: true }),
      idType: oneOf(['ID_CARD', 'USCC'], { req: true, bad: ['USCC'] }),
      idNumber: text({ req: true, max: 32, notEmpty: true, bad: BAD_PERSON_IDS }),
      phone: text({ max: 20, bad: BAD_MOBILES }),
    },
    { req: true },
  ),
  reason: text({ req: true, max: 2000, notBlank: true }),
});

const DEPARTMENTS_BAD = ['MOON', 'health', 'HEALTH '];
const FEE = { code: 'F1', name: '测试费', department: 'HEALTH' };
const BAD_FEE_LISTS = [
  [{ ...FEE, department: 'MOON', kind: 'FIXED', amountFen: 100 }],
  [{ ...FEE, kind: 'FIXED', amountFen: -1 }],
  [{ ...FEE, kind: 'FIXED', amountFen: 10_000_000_001 }],
  [{ ...FEE, kind: 'FIXED' }],
  [{ ...FEE, kind: 'FIXED', amountFen: 100, unitPriceFen: 5 }],
  [{ ...FEE, kind: 'PER_UNIT', unitPriceFen: 100 }],
  [{ ...FEE, kind: 'PER_UNIT', quantityFrom: 'n' }],
  [{ ...FEE, kind: 'PER_UNIT', quantityFrom: 'n', unitPriceFen: 1, unitPriceFenBy: { field: 's', rates: { A: 1 } } }],
  [{ ...FEE, kind: 'PER_UNIT', quantityFrom: 'n', unitPriceFenBy: { field: 's', rates: {} } }],
  [{ ...FEE, kind: 'PER_UNIT', quantityFrom: 'n', unitPriceFenBy: { field: 's', rates: { A: -5 } } }],
  [{ ...FEE, kind: 'PER_UNIT', quantityFrom: 'n', unitPriceFenBy: { field: 's', rates: { A: 1.5, B: 1e308 } } }],
  [{ ...FEE, kind: 'PER_UNIT', quantityFrom: 'n', unitPriceFenBy: { field: '', rates: { A: 1 } } }],
  [{ ...FEE, kind: 'PER_UNIT', quantityFrom: '', unitPriceFen: 1 }],
  [{ ...FEE, kind: 'FIXED', amountFen: 100, when: { a: '' } }],
  [{ ...FEE, kind: 'FIXED', amountFen: 100, when: { a: [] } }],
  [{ ...FEE, kind: 'FIXED', amountFen: 100, when: { a: [1, 2] } }],
  [{ ...FEE, kind: 'FIXED', amountFen: 100, exemptFor: [''] }],
  [{ ...FEE, kind: 'BOGUS', amountFen: 100 }],
  [{ ...FEE, kind: 'FIXED', amountFen: 100 }, { ...FEE, kind: 'FIXED', amountFen: 200 }],
  [{ ...FEE, name: '   ', kind: 'FIXED', amountFen: 100 }],
];
const BAD_FORM_FIELDS = [
  [{ name: '1bad', type: 'integer', min: 0, max: 1 }],
  [{ name: 'a', type: 'integer' }],
  [{ name: 'a', type: 'integer', min: 0, max: 1.5 }],
  [{ name: 'a', type: 'integer', min: -9_007_199_254_740_992, max: 0 }],
  [{ name: 'a', type: 'integer', min: 5, max: 1 }],
  [{ name: 'a', type: 'decimal', min: 0, max: 1e308 }],
  [{ name: 'a', type: 'decimal', min: 0, max: 1, scale: 7 }],
  [{ name: 'a', type: 'enum', values: [] }],
  [{ name: 'a', type: 'enum', values: ['x', 'x'] }],
  [{ name: 'a', type: 'enum', values: ['   '] }],
  [{ name: 'a', type: 'text', maxLength: 0 }],
  [{ name: 'a', type: 'text', maxLength: 10_001 }],
  [{ name: 'a', type: 'text', min: 1 }],
  [{ name: 'a', type: 'weird' }],
  [{ name: 'a', type: 'boolean', values: ['x'] }],
  [
    { name: 'a', type: 'integer', min: 0, max: 1 },
    { name: 'a', type: 'integer', min: 0, max: 1 },
  ],
  Array.from({ length: 101 }, (_, i) => ({ name: `f${i}`, type: 'boolean' })),
];

function catalogSpec(put: boolean): ObjSpec {
  return obj({
    code: put
      ? text({ max: 64, bad: ['OTHER-CODE', 'RE-TRANSFER', 'has space', ''] })
      : text({ req: true, max: 64, bad: ['has space', '-lead', 'ÄÖ', '', 'a/b'] }),
    name: text({ req: true, max: 200, notBlank: true }),
    powerType: oneOf(['LICENSE', 'CONFIRMATION', 'PAYMENT', 'LEVY', 'REWARD', 'ADJUDICATION', 'FILING', 'PUBLIC_SERVICE', 'OTHER'], { req: true }),
    caseType: oneOf(['IMMEDIATE', 'PROMISED', 'JOINT', 'REPORTED'], { req: true }),
    applicantTypes: arr(oneOf(['PERSON', 'ORG'], { req: true }), { req: true, min: 1, max: 2, bad: [['PERSON', 'PERSON'], ['ORG', 'ORG']] }),
    // PUBLIC-HYGIENE: legal 20, promised 5 working days; promised must not exceed legal.
    legalDays: int({ req: true, min: 0, max: 750, bad: [4, 0] }),
    promisedDays: int({ req: true, min: 0, max: 750, bad: [21, 100] }),
    reviewPlan: arr(
      obj({
        stage: int({ req: true, min: 1, max: 99 }),
        departments: arr(text({ req: true, bad: DEPARTMENTS_BAD }), { req: true, min: 1, max: 50, bad: [['HEALTH', 'HEALTH']] }),
        lead: text({ bad: ['TAX', 'MOON', ''] }),
        shareDays: int({ min: 0, max: 750 }),
      }),
      {
        req: true,
        max: 20,
        bad: [
          [],
          [
            { stage: 1, departments: ['HEALTH'] },
            { stage: 1, departments: ['HEALTH'] },
          ],
        ],
      },
    ),
    materials: arr(
      obj({
        code: text({ req: true, max: 32, bad: ['', 'has space', '-M', 'M/1'] }),
        name: text({ req: true, max: 300, notBlank: true }),
        required: bool({ req: true }),
        tolerable: bool({ req: true }),
      }),
      {
        req: true,
        max: 100,
        bad: [
          [
            { code: 'M01', name: 'a', required: true, tolerable: false },
            { code: 'M01', name: 'b', required: true, tolerable: false },
          ],
        ],
      },
    ),
    fees: arr(any(), { req: true, max: 50, bad: BAD_FEE_LISTS }),
    results: arr(obj({ department: text({ req: true, bad: DEPARTMENTS_BAD }), name: text({ req: true, max: 200, notBlank: true }) }), { req: true, max: 50 }),
    formFields: arr(any(), { max: 100, bad: BAD_FORM_FIELDS }),
    siteInspection: bool(),
    jointSiteSurvey: bool(),
    acceptedAt: text({ bad: ['galaxy', 'COUNTY', ''] }),
    decidedBy: obj(
      { level: text({ req: true, bad: ['galaxy'] }), department: text({ req: true, bad: ['MOON'] }) },
      {
        bad: [
          { level: 'galaxy', department: 'CIVIL' },
          { level: 'county', department: 'MOON' },
        ],
      },
    ),
  });
}

// ---- query fields ----

const Q_DATE_BAD = ['2026-02-30', '0000-01-01', '2026-1-1', '20261101', '2026-13-01', '9999-99-99', '2026-11-01T00:00:00Z', '-2026-01-01'];
const Q_CURSOR: QueryField = { cursor: 'uuid' };
const Q_LIMIT: QueryField = { bad: ['0', '-1', '-0', '201', '1.5', '1e308', '1e2', '0x10', '9007199254740993', 'ten', ''] };

// ---- the table ----

const nrbTaskBads = (fx: Fixtures) => [fx.reviewCase.tasks.TAX, fx.reviewCase.tasks.HUD, fx.surveyCase.tasks.EEB, fx.surveyCase.tasks.WRB];
const otherPickupCodes = (code: string) => {
  const n = Number(code);
  return [String((n + 1) % 1_000_000).padStart(6, '0'), String((n + 500_000) % 1_000_000).padStart(6, '0'), '12345', '1234567', 'abcdef', ` ${code}`];
};

/** A variant as NRB's chief representative on NRB's task of the review case; other departments' tasks are refused. */
const onNrbTask = (fx: Fixtures, v: Pick<Variant, 'body' | 'bodySpec'>): Variant => ({
  user: 'rep.nrb',
  params: { taskId: fx.reviewCase.tasks.NRB },
  badParams: { taskId: nrbTaskBads(fx) },
  ...v,
});

/** A staff user's read of one case (GET …/{caseNo}…), on the case of the fixtures that `caseOf` picks. */
const caseRead = (path: string, user: string, caseOf: (fx: Fixtures) => { caseNo: string }, access: readonly Role[]): RouteDef => ({
  method: 'GET',
  path,
  // The roles of docs/ACCESS.md; CLERK, CHIEF_REP and COURIER only on cases of their scope.
  access,
  writes: false,
  params: { caseNo: 'caseNo' },
  variants: (fx) => [{ user, params: { caseNo: caseOf(fx).caseNo } }],
});

/** POST /deliveries/{deliveryId}/<action> by `user` on the delivery of `method`; the other method's delivery is refused. */
const deliveryCommand = (
  action: string,
  user: string,
  role: Role,
  method: 'WINDOW' | 'COURIER',
  request: (fx: Fixtures) => Pick<Variant, 'body' | 'bodySpec'>,
): RouteDef => ({
  method: 'POST',
  path: `/api/v1/deliveries/{deliveryId}/${action}`,
  access: [role],
  writes: true,
  params: { deliveryId: 'resourceId' },
  variants: (fx) => {
    const [own, other] = method === 'WINDOW' ? [fx.windowDelivery, fx.courierDelivery] : [fx.courierDelivery, fx.windowDelivery];
    return [{ user, params: { deliveryId: own.deliveryId }, badParams: { deliveryId: [other.deliveryId] }, ...request(fx) }];
  },
});

export const ROUTES: RouteDef[] = [
  {
    method: 'POST',
    path: '/api/v1/auth/refresh',
    access: 'public',
    writes: false,
    variants: () => [{ user: null, body: { refreshToken: 'q3vZ-not-a-real-refresh-token' }, bodySpec: obj({ refreshToken: text({ req: true, max: 200, notEmpty: true }) }) }],
  },
  {
    method: 'POST',
    path: '/api/v1/auth/logout',
    access: 'staff',
    // Ends sessions (refresh tokens, excluded from the row counts); the access tokens the test uses stay valid.
    writes: false,
    variants: () => [{ user: 'courier1', body: { refreshToken: 'q3vZ-not-a-real-refresh-token' }, bodySpec: obj({ refreshToken: text({ max: 200, notEmpty: true }) }) }],
  },
  {
    method: 'POST',
    path: '/api/v1/auth/password',
    access: 'staff',
    // The base current password is wrong: every change is refused (401), every malformed one 400.
    writes: true,
    variants: () => [
      {
        user: 'courier1',
        body: { currentPassword: 'not-the-password', newPassword: '一个足够长的新密码2026' },
        bodySpec: obj({ currentPassword: text({ req: true, max: 200, notEmpty: true }), newPassword: text({ req: true, max: 200, notEmpty: true }) }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/v1/admin/users',
    access: ['ADMIN'],
    writes: false,
    variants: () => [{ user: 'admin' }],
  },
  {
    method: 'POST',
    path: '/api/v1/admin/users',
    access: ['ADMIN'],
    // clerk1 exists: the base is refused (409), every mutation 400.
    writes: true,
    variants: () => [
      {
        user: 'admin',
        body: { username: 'clerk1', displayName: '综合窗口 1 号', roles: ['CLERK'], centers: ['510704-C01'] },
        bodySpec: obj({
          username: text({ req: true, bad: ['Clerk1', 'c', 'x'.repeat(33), '1clerk', 'clerk 1'] }),
          displayName: text({ req: true, max: 100, notBlank: true }),
          roles: arr(oneOf(['CLERK', 'CHIEF_REP', 'FINANCE', 'COURIER', 'SUPERVISOR', 'ADMIN']), { req: true, min: 1 }),
          department: text({ bad: ['nrb', 'N', 'x'.repeat(40)] }),
          centers: arr(text({ bad: ['510704', 'C01', '510704-c01'] })),
        }),
      },
    ],
  },
  {
    method: 'PATCH',
    path: '/api/v1/admin/users/{username}',
    access: ['ADMIN'],
    writes: true,
    params: { username: 'username' },
    // No such user: every change is refused (404), every malformed one 400.
    variants: () => [
      {
        user: 'admin',
        params: { username: 'ghost.user' },
        body: { disabled: true },
        bodySpec: obj({ disabled: bool(), displayName: text({ max: 100, notEmpty: true }), centers: arr(text({ bad: ['510704', 'C01'] })) }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/admin/users/{username}/reset-password',
    access: ['ADMIN'],
    writes: true,
    params: { username: 'username' },
    variants: () => [{ user: 'admin', params: { username: 'ghost.user' } }],
  },
  {
    method: 'POST',
    path: '/api/v1/auth/login',
    access: 'public',
    writes: false,
    variants: () => [
      {
        user: null,
        body: { username: 'clerk1', password: 'demo-password' },
        bodySpec: obj({
          username: text({ req: true, max: 64, notEmpty: true, bad: ['nobody', 'CLERK1', 'clerk1 '] }),
          password: text({ req: true, max: 200, notEmpty: true, bad: ['wrong-password', 'demo-password ', 'DEMO-PASSWORD'] }),
        }),
      },
    ],
  },
  { method: 'GET', path: '/api/v1/catalog/items', access: 'staff', writes: false, variants: () => [{ user: 'clerk1' }, { user: 'admin' }] },
  {
    method: 'POST',
    path: '/api/v1/catalog/items',
    access: ['ADMIN'],
    writes: true,
    // The documented example item (PUBLIC-HYGIENE): validated whole, then refused as existing (409) — a valid one never lands.
    variants: (fx) => [{ user: 'admin', body: { ...fx.catalogItem.definition, code: fx.catalogItem.code }, bodySpec: catalogSpec(false) }],
  },
  {
    method: 'GET',
    path: '/api/v1/catalog/items/{code}',
    access: 'staff',
    writes: false,
    params: { code: 'itemCode' },
    variants: () => [{ user: 'clerk1', params: { code: 'RE-TRANSFER' } }],
  },
  {
    method: 'PUT',
    path: '/api/v1/catalog/items/{code}',
    access: ['ADMIN'],
    writes: true,
    params: { code: 'itemCode' },
    variants: (fx) => [{ user: 'admin', params: { code: fx.catalogItem.code }, body: fx.catalogItem.definition, bodySpec: catalogSpec(true) }],
    // The same definition again publishes nothing new (200 with the current version).
    noop2xx: (body, fx) => body?.version === fx.catalogItem.version,
  },
  { method: 'GET', path: '/api/v1/catalog/departments', access: 'staff', writes: false, variants: () => [{ user: 'rep.nrb' }] },
  { method: 'GET', path: '/api/v1/catalog/centers', access: 'staff', writes: false, variants: () => [{ user: 'finance1' }] },
  {
    method: 'POST',
    path: '/api/v1/cases',
    access: ['CLERK', 'CHIEF_REP'],
    writes: true,
    variants: () => [
      { user: 'clerk1', body: reTransfer(), bodySpec: acceptCaseSpec('courier-person') },
      { user: 'rep.psb', body: sealFiling({ decision: 'APPROVE', opinion: '准予备案' }), bodySpec: acceptCaseSpec('window-org-decide') },
    ],
  },
  {
    method: 'GET',
    path: '/api/v1/cases',
    access: ['SUPERVISOR', 'FINANCE', 'CLERK', 'CHIEF_REP'],
    writes: false,
    query: {
      cursor: { cursor: 'caseNo' },
      limit: Q_LIMIT,
      status: { bad: ['in_review', 'OPEN', 'IN_REVIEW '] },
      itemCode: { bad: ['x'.repeat(65)] },
      acceptedFrom: { bad: Q_DATE_BAD },
      acceptedTo: { bad: Q_DATE_BAD },
    },
    variants: () => [
      { user: 'supervisor1', query: { status: 'IN_REVIEW', limit: '20' } },
      { user: 'clerk1', query: { itemCode: 'RE-TRANSFER', acceptedFrom: '2026-11-01', acceptedTo: '2026-12-31' } },
    ],
  },
  {
    ...caseRead('/api/v1/cases/{caseNo}', 'supervisor1', (fx) => fx.reviewCase, ['SUPERVISOR', 'FINANCE', 'CLERK', 'CHIEF_REP']),
    // The long-poll (issue #12): whole seconds 0..30, digits only.
    query: { waitSeconds: { bad: ['31', '1000', '-1', '1.5', '0x10', '1e1', ' 5', 'ten'] } },
  },
  caseRead('/api/v1/cases/{caseNo}/timeline', 'clerk1', (fx) => fx.paymentNotice, ['SUPERVISOR', 'CLERK', 'CHIEF_REP']),
  {
    method: 'POST',
    path: '/api/v1/cases/{caseNo}/supplements',
    access: ['CLERK'],
    writes: true,
    params: { caseNo: 'caseNo' },
    variants: (fx) => [
      {
        user: 'clerk1',
        params: { caseNo: fx.reviewCase.caseNo },
        body: { materials: [{ code: 'M05' }], note: '申请人补交完税凭证原件' },
        bodySpec: obj({
          materials: arr(
            obj({ code: text({ max: 32, bad: ['M99', '  ', 'm05'] }), name: text({ max: 300 }) }),
            {
              req: true,
              min: 1,
              max: 50,
              bad: [[{}], [{ code: 'M05' }, { code: 'M05' }], [{ name: '  ' }], [{ code: '', name: '' }]],
            },
          ),
          note: text({ max: 1000 }),
        }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/cases/{caseNo}/withdraw',
    access: ['CLERK'],
    writes: true,
    params: { caseNo: 'caseNo' },
    variants: (fx) => [
      { user: 'clerk1', params: { caseNo: fx.reviewCase.caseNo }, body: { reason: '申请人主动撤回申请' }, bodySpec: obj({ reason: text({ req: true, max: 1000, notBlank: true }) }) },
    ],
  },
  caseRead('/api/v1/cases/{caseNo}/receipt', 'clerk1', (fx) => fx.windowDelivery, ['CLERK', 'SUPERVISOR']),
  {
    method: 'GET',
    path: '/api/v1/notices/{noticeNo}',
    access: ['CLERK', 'SUPERVISOR'],
    writes: false,
    params: { noticeNo: 'oneTimeNoticeNo' },
    variants: (fx) => [{ user: 'clerk1', params: { noticeNo: fx.oneTimeNoticeNo } }],
  },
  {
    method: 'POST',
    path: '/api/v1/refusals',
    access: ['CLERK'],
    writes: true,
    variants: () => [{ user: 'clerk1', body: REFUSAL_BODY, bodySpec: refusalSpec }],
  },
  {
    method: 'GET',
    path: '/api/v1/refusals/{refusalNo}',
    access: ['CLERK', 'SUPERVISOR'],
    writes: false,
    params: { refusalNo: 'refusalNo' },
    variants: (fx) => [{ user: 'supervisor1', params: { refusalNo: fx.refusalNo } }],
  },
  { method: 'GET', path: '/api/v1/supervision/pending-materials', access: ['SUPERVISOR'], writes: false, variants: () => [{ user: 'supervisor1' }] },
  {
    method: 'GET',
    path: '/api/v1/tasks',
    access: ['CHIEF_REP'],
    writes: false,
    query: {
      cursor: Q_CURSOR,
      limit: Q_LIMIT,
      status: { bad: ['open', 'DONE', 'OPEN,APPROVED'] },
      itemCode: { bad: ['a b', 'x'.repeat(65), '张'] },
      dueBefore: { bad: ['2026-02-30T00:00:00Z', '0000-01-01T00:00:00Z', '2026-12-31T24:00:00Z', 'yesterday', '2026-W01', '1700000000000', '+002026-01-01T00:00:00Z'] },
      overdue: { bad: ['yes', '1', 'TRUE', ''] },
      department: { bad: ['nrb', 'x'.repeat(33), 'MOON'] },
      assignee: { bad: USERNAME_BAD },
    },
    variants: () => [
      { user: 'rep.nrb', query: { status: 'OPEN', limit: '20' } },
      { user: 'backup.nrb', query: { department: 'NRB', overdue: 'false' } },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/tasks/{taskId}/decision',
    access: ['CHIEF_REP'],
    writes: true,
    params: { taskId: 'resourceId' },
    variants: (fx) => [
      onNrbTask(fx, {
        body: { decision: 'APPROVE', opinion: '材料齐全，同意登记' },
        // For APPROVE an empty opinion or list counts as none (DecisionSchema, #libs/contracts): only blank text,
        // over-long text, wrong types and bad elements are refused. A requested list with APPROVE is refused by
        // that schema but was not before it, so it is not used as a refusal here.
        bodySpec: obj({
          decision: oneOf(['APPROVE', 'REJECT', 'REQUEST_SUPPLEMENT'], { req: true }),
          opinion: text({ max: 2000, notBlank: true, emptyOk: true }),
          requested: arr(obj({ code: text({ max: 32 }), name: text({ req: true, max: 200, notBlank: true }), reason: text({ max: 500 }) }), { max: 50 }),
        }),
      }),
      {
        // 补正 on HUD's task: the reasons and the list are required, every element named.
        user: 'rep.hud',
        params: { taskId: fx.reviewCase.tasks.HUD },
        badParams: { taskId: [fx.reviewCase.tasks.NRB, fx.reviewCase.tasks.TAX, fx.surveyCase.tasks.WRB] },
        body: { decision: 'REQUEST_SUPPLEMENT', opinion: '请补充提交完税凭证原件', requested: [{ code: 'M05', name: '完税凭证', reason: '复印件不清晰' }] },
        bodySpec: obj({
          decision: oneOf(['APPROVE', 'REJECT', 'REQUEST_SUPPLEMENT'], { req: true }),
          opinion: text({ req: true, max: 2000, notBlank: true }),
          requested: arr(obj({ code: text({ max: 32 }), name: text({ req: true, max: 200, notBlank: true }), reason: text({ max: 500 }) }), { req: true, min: 1, max: 50 }),
        }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/tasks/{taskId}/extension',
    access: ['CHIEF_REP'],
    writes: true,
    params: { taskId: 'resourceId' },
    variants: (fx) => [
      onNrbTask(fx, {
        body: { workingDays: 3, reason: '需组织联合踏勘，现场核查需要时间' },
        // RE-TRANSFER: due after 5 working days, legal limit 30: more than 25 more days pass the legal deadline (422).
        bodySpec: obj({ workingDays: int({ req: true, min: 1, max: 60, bad: [30, 45, 60] }), reason: text({ req: true, max: 500, notBlank: true }) }),
      }),
    ],
  },
  {
    method: 'GET',
    path: '/api/v1/supervision/warnings',
    access: ['SUPERVISOR'],
    writes: false,
    query: { department: { bad: ['nrb', 'MOON', 'x'.repeat(33)] }, level: { bad: ['red', 'GREEN', 'RED,YELLOW'] } },
    variants: () => [{ user: 'supervisor1', query: { level: 'RED' } }, { user: 'supervisor1', query: { department: 'TAX' } }],
  },
  {
    method: 'GET',
    path: '/api/v1/supervision/stats',
    access: ['SUPERVISOR'],
    writes: false,
    query: { from: { bad: [...Q_DATE_BAD, '2025-01-01'] }, to: { bad: [...Q_DATE_BAD, '2099-12-31'] } },
    variants: () => [{ user: 'supervisor1', query: { from: '2026-11-01', to: '2026-11-30' } }],
  },
  // #11 电子监察留痕: the audit record (requests and case events, hash-chained) and its verification.
  {
    method: 'GET',
    path: '/api/v1/supervision/audit',
    access: ['SUPERVISOR'],
    writes: false,
    query: {
      caseNo: { bad: ['a/b', 'x'.repeat(65), "' OR 1=1 --"] },
      user: { bad: ['a b', 'x'.repeat(65), '用户'] },
      from: { bad: ['2026-02-30', 'yesterday', '2026-W01', '0000-01-01'] },
      to: { bad: ['2026-13-01', 'tomorrow', '2026-123'] },
      cursor: Q_CURSOR,
      limit: Q_LIMIT,
    },
    variants: () => [
      { user: 'supervisor1', query: { limit: '20' } },
      { user: 'supervisor1', query: { caseNo: '510704202611230000013', user: 'clerk1', from: '2026-11-01', to: '2026-12-31T23:59:59+08:00' } },
    ],
  },
  {
    method: 'GET',
    path: '/api/v1/supervision/audit/verify',
    access: ['SUPERVISOR'],
    writes: false,
    query: { from: { bad: ['2026-02-30', 'yesterday', '2026-W01'] }, to: { bad: ['2026-13-01', '2026-123'] } },
    variants: () => [{ user: 'supervisor1' }, { user: 'supervisor1', query: { from: '2026-11-01', to: '2026-12-31' } }],
  },
  {
    method: 'POST',
    path: '/api/v1/tasks/bulk',
    access: ['CHIEF_REP'],
    writes: true,
    variants: (fx) => [
      {
        user: 'rep.nrb',
        body: { action: 'APPROVE', taskIds: [fx.reviewCase.tasks.NRB], opinion: '材料齐全，同意' },
        bodySpec: obj({
          action: oneOf(['APPROVE', 'ASSIGN'], { req: true }),
          taskIds: arr(
            // Not a UUID; or tasks that do not exist or are another department's: each fails (200, nothing done).
            text({ req: true, bad: ['not-a-uuid', `${fx.reviewCase.tasks.NRB}x`, fx.reviewCase.tasks.TAX, fx.surveyCase.tasks.EEB, '00000000-0000-0000-0000-000000000000'] }),
            // Never a list holding NRB's own task next to a refused one: the bulk would approve it (partial success).
            {
              req: true,
              min: 1,
              max: 100,
              bad: [
                [fx.reviewCase.tasks.HUD, fx.reviewCase.tasks.TAX],
                [fx.surveyCase.tasks.EEB, fx.surveyCase.tasks.EEB],
                // Many ids, none of them a task: one failed result each.
                Array.from({ length: 30 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
              ],
            },
          ),
          opinion: text({ max: 2000 }),
          // Only a name that is not a username is refused for APPROVE (a username is ignored).
          assignee: text({ nullable: true, max: 64, notEmpty: true, bad: USERNAME_BAD }),
          reason: text({ max: 500 }),
        }),
      },
    ],
    noop2xx: (body) => body?.succeeded === 0,
  },
  {
    method: 'POST',
    path: '/api/v1/tasks/{taskId}/assign',
    access: ['CHIEF_REP'],
    writes: true,
    params: { taskId: 'resourceId' },
    variants: (fx) => [
      onNrbTask(fx, {
        body: { assignee: 'rep.nrb', reason: '该片区由其负责' },
        bodySpec: obj({
          // null is allowed (the whole department); any other user is not of NRB, or does not exist (422).
          assignee: text({ req: true, nullable: true, max: 64, notEmpty: true, bad: [...USERNAME_BAD, 'nobody', 'rep.tax', 'clerk1', 'backup.nrb'] }),
          reason: text({ req: true, max: 500, notBlank: true }),
        }),
      }),
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/departments/{code}/delegations',
    access: ['ADMIN', 'CHIEF_REP'],
    writes: true,
    params: { code: 'dept' },
    variants: () => {
      const b = delegationBody();
      const from = new Date(b.from).getTime();
      const dates = (self: 'from' | 'to') =>
        self === 'from'
          ? [new Date(from + 6 * 86_400_000).toISOString(), '2026-02-30T00:00:00+08:00']
          : ['2020-01-01T00:00:00Z', new Date(from - 86_400_000).toISOString(), new Date(from + 400 * 86_400_000).toISOString(), b.from];
      const spec = (primary: string, others: string[]) =>
        obj({
          backupUser: text({ req: true, max: 64, notEmpty: true, bad: [...USERNAME_BAD, 'nobody', 'clerk1', primary] }),
          from: date({ req: true, bad: dates('from') }),
          to: date({ req: true, bad: dates('to') }),
          reason: text({ req: true, max: 500, notBlank: true }),
          primaryUser: text({ max: 64, notEmpty: true, bad: [...USERNAME_BAD, ...others] }),
        });
      return [
        { user: 'admin', params: { code: 'NRB' }, badParams: { code: ['MOON', 'ZZZ'] }, body: b, bodySpec: spec('rep.nrb', ['rep.tax', 'backup.nrb', 'nobody', 'clerk1']) },
        { user: 'rep.tax', params: { code: 'TAX' }, badParams: { code: ['NRB', 'HUD'] }, body: b, bodySpec: spec('rep.tax', ['rep.nrb', 'backup.nrb', 'nobody']) },
      ];
    },
  },
  {
    method: 'GET',
    path: '/api/v1/departments/{code}/delegations',
    access: ['ADMIN', 'SUPERVISOR', 'CHIEF_REP'],
    writes: false,
    params: { code: 'dept' },
    variants: () => [{ user: 'supervisor1', params: { code: 'NRB' } }, { user: 'rep.nrb', params: { code: 'NRB' } }],
  },
  {
    method: 'DELETE',
    path: '/api/v1/departments/{code}/delegations/{id}',
    access: ['ADMIN', 'CHIEF_REP'],
    writes: true,
    params: { code: 'dept', id: 'uuid' },
    // No body: only a bad path, a bad token or a body the gateway refuses keeps a revocation from happening.
    variants: (fx) => [
      { user: 'admin', params: { code: 'NRB', id: fx.delegationId }, badParams: { code: ['TAX', 'MOON'] } },
      { user: 'rep.nrb', params: { code: 'NRB', id: fx.delegationId }, badParams: { code: ['TAX', 'HUD'] } },
    ],
  },
  {
    method: 'GET',
    path: '/api/v1/departments/{code}/audit',
    access: ['ADMIN', 'SUPERVISOR'],
    writes: false,
    params: { code: 'dept' },
    query: { cursor: Q_CURSOR, limit: Q_LIMIT, action: { bad: ['task_decided', 'DELETE', 'TASK_DECIDED '] } },
    variants: () => [
      { user: 'supervisor1', params: { code: 'NRB' }, query: { limit: '20' } },
      { user: 'admin', params: { code: 'EEB' }, query: { action: 'TASK_DECIDED' } },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/cases/{caseNo}/site-surveys',
    access: ['CHIEF_REP'],
    writes: true,
    params: { caseNo: 'caseNo' },
    // The OUTFALL case's survey is already scheduled: a valid body is refused 409; bad ones earlier.
    variants: (fx) => [
      {
        user: 'rep.eeb',
        params: { caseNo: fx.surveyCase.caseNo },
        body: { at: new Date(Date.now() + 2 * 86_400_000).toISOString(), place: '涪江左岸 K12+300 拟设排污口处', departments: ['EEB', 'WRB', 'NRB'] },
        bodySpec: obj({
          at: date({ req: true, bad: ['2020-01-01T00:00:00+08:00', new Date(Date.now() - 60_000).toISOString()] }),
          place: text({ req: true, max: 200, notBlank: true }),
          departments: arr(text({ req: true, bad: ['MOON', 'eeb', 'x'.repeat(33)] }), { req: true, min: 1, max: 20, bad: [['EEB', 'EEB']] }),
        }),
      },
    ],
  },
  caseRead('/api/v1/cases/{caseNo}/site-surveys', 'rep.nrb', (fx) => fx.surveyCase, ['SUPERVISOR', 'CHIEF_REP', 'CLERK']),
  {
    method: 'POST',
    path: '/api/v1/site-surveys/{surveyId}/findings',
    access: ['CHIEF_REP'],
    writes: true,
    params: { surveyId: 'resourceId' },
    variants: (fx) => [
      {
        user: 'rep.wrb',
        params: { surveyId: fx.surveyCase.surveyId },
        body: { findings: '排污口位置与论证报告一致，下游 500 米内无取水口。' },
        bodySpec: obj({
          findings: text({ req: true, max: 4000, notBlank: true }),
          department: text({ bad: ['TAX', 'EEB', 'NRB', 'MOON', 'wrb', 'x'.repeat(33)] }),
        }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/cases/{caseNo}/opinions',
    access: ['CHIEF_REP'],
    writes: true,
    params: { caseNo: 'caseNo' },
    variants: (fx) => [
      {
        user: 'rep.nrb',
        params: { caseNo: fx.reviewCase.caseNo },
        body: { opinion: '建议在审批决定中明确不动产单元号。' },
        bodySpec: obj({ opinion: text({ req: true, max: 2000, notBlank: true }), department: text({ bad: ['TAX', 'MOON', 'nrb', 'x'.repeat(33)] }) }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/v1/payment-notices',
    access: ['FINANCE', 'SUPERVISOR'],
    writes: false,
    query: {
      status: { bad: ['unpaid', 'OPEN', 'UNPAID,PAID'] },
      department: { bad: ['nrb', 'N', 'x'.repeat(40)] },
      from: { bad: ['2026-02-30', '20261201', '2026-12-1'] },
      to: { bad: ['2026-13-01', 'tomorrow'] },
      cursor: { bad: ['not-a-cursor', 'x'.repeat(201)] },
      limit: { bad: ['0', '201', '1.5', '-1'] },
    },
    variants: () => [
      { user: 'finance1', query: { status: 'UNPAID' } },
      { user: 'supervisor1', query: { department: 'NRB', from: '2026-01-01', to: '2026-12-31', limit: '10' } },
    ],
  },
  {
    method: 'GET',
    path: '/api/v1/payment-notices/{noticeNo}',
    access: ['FINANCE', 'SUPERVISOR', 'CLERK'],
    writes: false,
    params: { noticeNo: 'paymentNoticeNo' },
    variants: (fx) => [{ user: 'finance1', params: { noticeNo: fx.paymentNotice.noticeNo } }],
  },
  {
    method: 'GET',
    path: '/api/v1/payment-notices/{noticeNo}/print',
    access: ['FINANCE', 'SUPERVISOR', 'CLERK'],
    writes: false,
    params: { noticeNo: 'paymentNoticeNo' },
    query: { format: { bad: ['doc', 'PDF', 'html,pdf'] } },
    variants: (fx) => [{ user: 'clerk1', params: { noticeNo: fx.paymentNotice.noticeNo }, query: { format: 'html' } }],
  },
  {
    method: 'POST',
    path: '/api/v1/payment-notices/{noticeNo}/reissue',
    access: ['FINANCE'],
    writes: true,
    params: { noticeNo: 'paymentNoticeNo' },
    // The fixture's notice is payable, not expired: a reissue is always refused (409), whatever the body.
    variants: (fx) => [{ user: 'finance1', params: { noticeNo: fx.paymentNotice.noticeNo }, body: { reason: '逾期重开' }, bodySpec: obj({ reason: text({ max: 500, notBlank: true }) }) }],
  },
  {
    method: 'POST',
    path: '/api/v1/payment-notices/{noticeNo}/refunds',
    access: ['FINANCE'],
    writes: true,
    params: { noticeNo: 'paymentNoticeNo' },
    // Nothing was paid on the fixture's notice: every refund is refused (422), and every malformed one 400.
    variants: (fx) => [
      {
        user: 'finance1',
        params: { noticeNo: fx.paymentNotice.noticeNo },
        body: { amountFen: 100, reason: '撤回退费' },
        bodySpec: obj({
          amountFen: int({ req: true, min: 1, max: 9_999_999_999, bad: [1, fx.paymentNotice.totalFen] }),
          reason: text({ req: true, max: 500, notBlank: true }),
          channel: oneOf(PAYMENT_CHANNELS),
          department: text({ bad: ['nrb', 'N', 'MOON'] }),
        }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/payments/callback',
    access: 'public',
    writes: true,
    // Unsigned: every request, however well formed, is a 401 and writes nothing (the signed path is in fees.e2e.ts).
    variants: (fx) => [
      {
        user: null,
        body: { noticeNo: fx.paymentNotice.noticeNo, amountFen: fx.paymentNotice.totalFen, bankReference: 'UP202612021015000001', channel: 'UNIONPAY', paidAt: '2026-12-02T10:15:00+08:00' },
        bodySpec: obj({
          noticeNo: text({ req: true }),
          amountFen: int({ req: true, min: 1, max: 9_999_999_999 }),
          bankReference: text({ req: true, max: 64 }),
          channel: oneOf(PAYMENT_CHANNELS, { req: true }),
          paidAt: text({ req: true }),
        }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/v1/reconciliation/daily',
    access: ['FINANCE', 'SUPERVISOR'],
    writes: false,
    query: { date: { bad: ['2026-02-30', '20261202', 'yesterday', '1999-12-31'] } },
    variants: () => [{ user: 'finance1', query: { date: '2026-12-01' } }],
  },
  {
    method: 'GET',
    path: '/api/v1/reconciliation/daily.csv',
    access: ['FINANCE', 'SUPERVISOR'],
    writes: false,
    query: { date: { bad: ['2026-02-30', '2026-12-32', ''] } },
    variants: () => [{ user: 'supervisor1', query: { date: '2026-12-01' } }],
  },
  {
    method: 'GET',
    path: '/api/v1/cases/{caseNo}/payment-notice',
    access: ['FINANCE', 'SUPERVISOR', 'CLERK', 'CHIEF_REP'],
    writes: false,
    params: { caseNo: 'caseNo' },
    variants: (fx) => [{ user: 'finance1', params: { caseNo: fx.paymentNotice.caseNo } }],
  },
  {
    method: 'POST',
    path: '/api/v1/payment-notices/{noticeNo}/payments',
    access: ['FINANCE'],
    writes: true,
    params: { noticeNo: 'paymentNoticeNo' },
    variants: (fx) => {
      const total = fx.paymentNotice.totalFen;
      return [
        {
          user: 'finance1',
          params: { noticeNo: fx.paymentNotice.noticeNo },
          body: { amountFen: total, channel: 'POS', reference: 'POS-0001' },
          bodySpec: obj({
            // One payment settles the notice: any other amount is refused (422).
            amountFen: int({ req: true, min: 1, max: 9_999_999_999, bad: [total - 1, total + 1, total * 100, 1] }),
            channel: oneOf(PAYMENT_CHANNELS, { req: true }),
            reference: text({ req: true, max: 64, notBlank: true }),
          }),
        },
      ];
    },
  },
  {
    method: 'GET',
    path: '/api/v1/deliveries',
    access: ['COURIER', 'CLERK', 'SUPERVISOR'],
    writes: false,
    query: { status: { bad: ['ready', 'LOST', 'READY,DELIVERED'] }, method: { bad: ['window', 'DRONE'] }, cursor: Q_CURSOR, limit: Q_LIMIT },
    variants: () => [
      { user: 'courier1', query: { status: 'READY' } },
      { user: 'courier1', query: { status: 'RETURNED_TO_WINDOW', limit: '10' } },
      { user: 'clerk1', query: { status: 'READY', method: 'WINDOW' } },
    ],
  },
  deliveryCommand('dispatch', 'courier1', 'COURIER', 'COURIER', () => ({
    body: { carrier: 'EMS', waybillNo: '1234567890123' },
    bodySpec: obj({ carrier: text({ req: true, max: 50, notBlank: true }), waybillNo: text({ req: true, max: 64, notBlank: true }) }),
  })),
  // The fixture's courier delivery is READY, never dispatched: every report on it is refused (409), every malformed one 400.
  deliveryCommand('tracking', 'courier1', 'COURIER', 'COURIER', () => ({
    body: { status: 'IN_TRANSIT', at: '2026-12-03T15:20:00+08:00', note: '已到达绵阳处理中心' },
    bodySpec: obj({
      status: oneOf(['IN_TRANSIT', 'OUT_FOR_DELIVERY', 'FAILED'], { req: true, bad: ['DELIVERED', 'failed', 'LOST'] }),
      at: text({ req: true, bad: ['2026-02-30T10:00:00+08:00', '2026-12-03T15:20:00', 'tomorrow', '2026-12-03'] }),
      note: text({ max: 500 }),
    }),
  })),
  {
    method: 'POST',
    path: '/api/v1/dispatch-batches',
    access: ['COURIER'],
    writes: true,
    // The base batch names the WINDOW delivery: refused whatever else is sent (422, every problem listed, nothing written).
    variants: (fx) => [
      {
        user: 'courier1',
        body: { deliveryIds: [fx.windowDelivery.deliveryId], carrier: 'EMS', waybillNos: ['1234567890123'] },
        bodySpec: obj({
          deliveryIds: arr(text({ req: true }), { req: true, min: 1, max: 100, bad: [[], [fx.windowDelivery.deliveryId, fx.windowDelivery.deliveryId], ['not-a-uuid']] }),
          carrier: text({ req: true, max: 50, notBlank: true }),
          waybillNos: arr(text({ req: true, bad: ['12345', 'has space', '运单号123456'] }), { bad: [['1234567890123', '1234567890124']] }),
        }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/v1/dispatch-batches/{batchId}/print',
    access: ['COURIER', 'SUPERVISOR'],
    writes: false,
    params: { batchId: 'uuid' },
    query: { format: { bad: ['doc', 'PDF', 'html,pdf'] } },
    variants: () => [{ user: 'courier1', params: { batchId: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a60' }, query: { format: 'html' } }],
  },
  deliveryCommand('unlock-pickup', 'supervisor1', 'SUPERVISOR', 'WINDOW', () => ({
    body: { reason: '已核验申请人身份证原件，本人领取' },
    bodySpec: obj({ reason: text({ req: true, max: 500, notBlank: true }) }),
  })),
  deliveryCommand('delivered', 'courier1', 'COURIER', 'COURIER', () => ({
    body: { signedBy: '张三' },
    // The DTO takes 100 characters, delivery 64: 65..100 reach the service and are refused there.
    bodySpec: obj({ signedBy: text({ req: true, max: 64, notBlank: true }) }),
  })),
  deliveryCommand('pickup', 'clerk1', 'CLERK', 'WINDOW', (fx) => ({
    body: { pickupCode: fx.windowDelivery.pickupCode, idNumber: fx.windowDelivery.idNumber },
    // A wrong code or ID is a failed attempt (422, counted; five lock the delivery: 423).
    bodySpec: obj({
      pickupCode: text({ req: true, notEmpty: true, bad: otherPickupCodes(fx.windowDelivery.pickupCode) }),
      idNumber: text({ req: true, max: 32, notBlank: true, bad: [fx.personId, badOrgIds()[0]] }),
      // 委托代领: with a proxy, idNumber must be the proxy's own (the base's is the applicant's): always refused here.
      proxy: obj({ name: text({ req: true, max: 64, notBlank: true }), idNumber: text({ req: true, bad: ['110105194912310021', '123'] }) }),
    }),
  })),
  {
    method: 'GET',
    path: '/api/v1/public/cases/{caseNo}',
    access: 'public',
    writes: false,
    params: { caseNo: 'caseNo' },
    // Six characters since #10: the old four ('002X') are refused like any other wrong shape.
    query: { idTail: { bad: ['002X', '01002', '1231002X', '0100 2', '%%%%%%', '张三李四王五', ''] } },
    variants: (fx) => [
      { user: null, params: { caseNo: fx.reviewCase.caseNo }, query: { idTail: fx.personId.slice(-6) } },
      { user: null, params: { caseNo: fx.windowDelivery.caseNo }, query: { idTail: fx.orgId.slice(-6) } },
    ],
  },
  // certificates (证照, #10)
  { method: 'GET', path: '/api/v1/certificates/public-key', access: 'public', writes: false, variants: () => [{ user: null }] },
  {
    method: 'GET',
    path: '/api/v1/public/certificates/{certificateNo}/verify',
    access: 'public',
    writes: false,
    params: { certificateNo: 'certificateNo' },
    // A payload that is not base64url "." base64url is a 400; a well-formed one that does not verify a 422.
    query: { payload: { bad: ['abc', 'a.b.c', 'eyJ2IjoxfQ.c2ln', 'a b.c', 'x'.repeat(2001) + '.y'] } },
    variants: (fx) => [{ user: null, params: { certificateNo: fx.certificateNo } }],
  },
  {
    method: 'GET',
    path: '/api/v1/certificates/{certificateNo}/print',
    access: ['CLERK', 'COURIER', 'SUPERVISOR', 'ADMIN'],
    writes: false,
    params: { certificateNo: 'certificateNo' },
    query: { format: { bad: ['doc', 'PDF', 'html,pdf'] } },
    variants: (fx) => [{ user: 'clerk1', params: { certificateNo: fx.certificateNo }, query: { format: 'html' } }],
  },
  {
    method: 'POST',
    path: '/api/v1/certificates/{certificateNo}/revoke',
    access: ['ADMIN'],
    writes: true,
    params: { certificateNo: 'certificateNo' },
    variants: (fx) => [
      {
        user: 'admin',
        params: { certificateNo: fx.certificateNo },
        body: { reason: '申请人以欺骗手段取得许可，依法撤销' },
        bodySpec: obj({ reason: text({ req: true, max: 500, notBlank: true }) }),
      },
    ],
  },
  // decision letters (不予许可决定书, #10): the fixtures have no rejected case, so a well-formed request is a 404.
  {
    method: 'GET',
    path: '/api/v1/cases/{caseNo}/decision-letter',
    access: ['CLERK', 'COURIER', 'SUPERVISOR'],
    writes: false,
    params: { caseNo: 'caseNo' },
    query: { format: { bad: ['doc', 'PDF', 'html,pdf'] } },
    variants: (fx) => [{ user: 'clerk1', params: { caseNo: fx.reviewCase.caseNo }, query: { format: 'html' } }],
  },
  // 好差评 (#10). The review case is still in review: even a perfect rating of it is refused (422, not ended).
  // Only malformed tails here: a well-formed wrong one would count towards the case's public lookup lock.
  {
    method: 'POST',
    path: '/api/v1/public/cases/{caseNo}/rating',
    access: 'public',
    writes: true,
    params: { caseNo: 'caseNo' },
    variants: (fx) => [
      {
        user: null,
        params: { caseNo: fx.reviewCase.caseNo },
        body: { idTail: fx.personId.slice(-6), score: 5, comment: '一次办成' },
        bodySpec: obj({
          idTail: text({ req: true, bad: ['002X', '1231002X', '0100 2', '%%%%%%', '张三李四王五', ''] }),
          score: int({ req: true, min: 1, max: 5, bad: [0, 6, 2.5, '5'] }),
          comment: text({ max: 500 }),
        }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/v1/supervision/ratings',
    access: ['SUPERVISOR'],
    writes: false,
    query: { from: { bad: [...Q_DATE_BAD, '2025-01-01'] }, to: { bad: [...Q_DATE_BAD, '2099-12-31'] } },
    variants: () => [{ user: 'supervisor1', query: { from: '2026-11-01', to: '2026-11-30' } }],
  },
  {
    method: 'GET',
    path: '/api/v1/supervision/ratings/follow-ups',
    access: ['SUPERVISOR'],
    writes: false,
    query: { status: { bad: ['open', 'DONE', 'OPEN,CLOSED'] } },
    variants: () => [{ user: 'supervisor1', query: { status: 'OPEN' } }],
  },
  {
    method: 'POST',
    path: '/api/v1/supervision/ratings/follow-ups/{id}/close',
    access: ['SUPERVISOR'],
    writes: true,
    params: { id: 'uuid' },
    // No follow-up exists in the fixtures: every close is a 404 (or a 400 for a bad note).
    variants: () => [
      {
        user: 'supervisor1',
        params: { id: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5e' },
        body: { note: '已回访申请人，窗口增设取号提醒' },
        bodySpec: obj({ note: text({ req: true, max: 1000, notBlank: true }) }),
      },
    ],
  },
  { method: 'GET', path: '/health', access: 'public', writes: false, variants: () => [{ user: null }] },
];
