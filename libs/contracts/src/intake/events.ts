import type { ApplicantType, FeeRule, FormFieldSpec, ResultSpec, ReviewStage } from './catalog.js';
import type { PostalAddress } from '../delivery/courier.js';

/** Events the intake service publishes (前台综合受理). Composed into `Events` and `EventDataMap` in ../events.ts. */
export const IntakeEvents = {
  CaseAccepted: 'intake.case.accepted.v1',
  CaseSupplemented: 'intake.case.supplemented.v1',
  CaseWithdrawn: 'intake.case.withdrawn.v1',
} as const;

export interface ApplicantData {
  type: ApplicantType;
  name: string;
  idType: 'ID_CARD' | 'USCC';
  idNumber: string;
  phone: string;
}

export interface DeliveryPreference {
  method: 'WINDOW' | 'COURIER';
  recipient?: string;
  phone?: string;
  /** COURIER: the structured address (province checked against the 34 divisions, kept in full). */
  postalAddress?: PostalAddress;
  /** @deprecated free-text courier address, accepted for a transition; send postalAddress. */
  address?: string;
  /** WINDOW: the center that hands the result out; defaults to the accepting center (就近办). */
  pickupCenter?: string;
}

/**
 * The applicant as intake.case.accepted.v1 carries it in clear: its type only (routing's timeline). An event
 * published before #11 carries name, idType, idNumber and phone here too; consumers still read those.
 */
export type AcceptedApplicant = Pick<ApplicantData, 'type'> & Partial<ApplicantData>;

/**
 * What only delivery needs of an acceptance (the holder of the certificates, the phone to notify, the courier's
 * recipient), sealed as one value with the personal-data key (#libs/crypto `PiiKeyring.sealJson`) in
 * CaseAcceptedData.sealedPersonalData. Only the services that hold the key (intake, delivery) can open it.
 */
export interface SealedPersonalData {
  applicant: ApplicantData;
  delivery: DeliveryPreference;
}

export interface CaseAcceptedData {
  itemCode: string;
  itemVersion: number;
  itemName: string;
  caseType: string;
  centerCode: string;
  applicant: AcceptedApplicant;
  form: Record<string, unknown>;
  /** In clear: the method and pickup center only; the contact (recipient, phone, address) is in sealedPersonalData. */
  delivery: DeliveryPreference;
  /** SealedPersonalData, sealed (`v1.<kid>.…`). Absent on events published before #11 (their applicant and delivery are in clear). */
  sealedPersonalData?: string;
  reviewPlan: ReviewStage[];
  fees: FeeRule[];
  /** The item version's form declarations, when it has any: fees reads quantities by the rule intake checked them by. */
  formFields?: FormFieldSpec[];
  results: ResultSpec[];
  legalDays: number;
  promisedDays: number;
  acceptedAt: string;
  promisedDeadline: string;
  legalDeadline: string;
  /** Tolerant acceptance (容缺受理): materials still owed, and by when (UTC instant). Absent or empty: nothing owed. */
  pendingMaterials?: MaterialRef[];
  pendingDueAt?: string;
  /** Immediate item (即办件): decided at the window by the chief representative of the item's single department. */
  immediateDecision?: ImmediateDecision;
  /** Reported item (上报件): accepted here, decided by this higher-level authority. */
  decidingAuthority?: DecidingAuthority;
  /** The accepted item version asks for a joint site survey (联合踏勘) before its stage lead may approve. */
  jointSiteSurvey?: boolean;
}

export interface DecidingAuthority {
  level: string;
  department: string;
  departmentName?: string;
}

/** A material the applicant must still bring: pending under tolerant acceptance, or asked for by a supplement request. */
export interface MaterialRef {
  code?: string;
  name: string;
  reason?: string;
}

/** Materials that arrived at the window (POST /cases/{caseNo}/supplements). */
export interface CaseSupplementedData {
  supplementId: string;
  materials: MaterialRef[];
  note?: string;
  /** Tolerant-acceptance materials still missing after this supplement; empty when all are in. */
  pendingLeft: MaterialRef[];
}

export interface CaseWithdrawnData {
  reason: string;
}

export interface ImmediateDecision {
  decision: 'APPROVE' | 'REJECT';
  opinion: string;
  decidedBy: string;
  department: string;
  decidedAt: string;
}

export interface IntakeEventDataMap {
  [IntakeEvents.CaseAccepted]: CaseAcceptedData;
  [IntakeEvents.CaseSupplemented]: CaseSupplementedData;
  [IntakeEvents.CaseWithdrawn]: CaseWithdrawnData;
}
