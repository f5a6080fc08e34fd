/** Catalog shapes (事项目录) as they travel between services; the catalog itself is owned by intake. */
export type CaseType = 'IMMEDIATE' | 'PROMISED' | 'JOINT' | 'REPORTED';
export type ApplicantType = 'PERSON' | 'ORG';

export interface ReviewStage {
  stage: number;
  departments: string[];
  lead?: string;
  /** Working days this stage's tasks get from the moment it opens (capped at the case's promised deadline). */
  shareDays?: number;
}

export interface MaterialSpec {
  code: string;
  name: string;
  required: boolean;
  tolerable: boolean;
}

/** Fee rules are data; the fees service interprets them. */
export interface FeeRule {
  code: string;
  name: string;
  department: string;
  kind: 'FIXED' | 'PER_UNIT';
  amountFen?: number;
  unit?: string;
  unitPriceFen?: number;
  unitPriceFenBy?: { field: string; rates: Record<string, number> };
  quantityFrom?: string;
  when?: Record<string, string | string[]>;
  exemptFor?: string[];
}

export interface ResultSpec {
  department: string;
  name: string;
}

export interface ServiceItem {
  code: string;
  name: string;
  powerType: string;
  caseType: CaseType;
  applicantTypes: ApplicantType[];
  legalDays: number;
  promisedDays: number;
  reviewPlan: ReviewStage[];
  materials: MaterialSpec[];
  fees: FeeRule[];
  results: ResultSpec[];
  siteInspection?: boolean;
  jointSiteSurvey?: boolean;
  acceptedAt?: string;
  decidedBy?: { level: string; department: string };
  version?: number;
}
