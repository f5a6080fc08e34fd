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

export type FormFieldType = 'integer' | 'decimal' | 'text' | 'enum' | 'boolean';

/**
 * One field of the application form (申请表) an item declares. Intake checks the form against these at acceptance and
 * fees reads quantities with the same rule (#libs/checks checkForm), so a value the window accepts can always be
 * priced. integer and decimal fields must have min and max; a fee rule's quantityFrom names an integer field.
 */
export interface FormFieldSpec {
  /** The key in the form: a letter, then letters, digits or "_" (at most 64). */
  name: string;
  label?: string;
  type: FormFieldType;
  /** integer / decimal: inclusive bounds (required for both). */
  min?: number;
  max?: number;
  /** decimal only: at most this many decimal places. */
  scale?: number;
  /** text only: at most this many characters (default 500). */
  maxLength?: number;
  /** enum only: the allowed values. */
  values?: string[];
  /** Must be present (and, for text, not blank). */
  required?: boolean;
}

export interface ResultSpec {
  department: string;
  name: string;
  /** Whole years the certificate is valid from its issue date (有效期), where it has one (a license; not a 回执). */
  validityYears?: number;
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
  /** The application form's fields, checked at acceptance; absent on items published before forms were declared. */
  formFields?: FormFieldSpec[];
  siteInspection?: boolean;
  jointSiteSurvey?: boolean;
  acceptedAt?: string;
  decidedBy?: { level: string; department: string };
  version?: number;
}
