import type { CaseQuery } from '../rpc.js';

/**
 * 不予许可决定书: what a rejected case's applicant receives (《行政许可法》第三十八条第二款: the reasons in writing and
 * the right to 行政复议 or 行政诉讼). Delivery issues it, numbered, and hands it out like a certificate (window or
 * courier). Spread into DeliveryEvents / DeliveryRpc and their maps (./events.ts, ./rpc.ts).
 */
export const DecisionLetterEvents = {
  DecisionLetterIssued: 'delivery.decision-letter.issued.v1',
} as const;

/** A rejected case's decision letter was issued and waits in its delivery (READY) as a certificate would. */
export interface DecisionLetterIssuedData {
  letterNo: string;
  deliveryId: string;
  method: 'WINDOW' | 'COURIER';
  /** The departments whose rejection reasons the letter gives, as known at issue time. */
  departments: string[];
}

export interface DecisionLetterEventDataMap {
  [DecisionLetterEvents.DecisionLetterIssued]: DecisionLetterIssuedData;
}

export const DecisionLetterRpc = {
  decisionLetterOfCase: 'rpc.delivery.decision-letter.of-case',
} as const;

/** One deciding department's REJECT: its opinion is the reason it gives the applicant. */
export interface DecisionLetterReason {
  stage: number;
  department: string;
  reason: string;
  decidedAt: string;
}

/** rpc.delivery.decision-letter.of-case {caseNo} → the letter, for printing (staff only: it names the applicant). */
export interface DecisionLetterView {
  letterNo: string;
  caseNo: string;
  itemName: string;
  /** The addressee, in full: the letter is served on them. Only staff print it. */
  applicantName: string;
  centerCode: string;
  issuedAt: string;
  /** Every REJECT of the case, by stage and department (two when a parallel stage had two rejections). */
  reasons: DecisionLetterReason[];
  /** 救济途径: 行政复议 (60 days) and 行政诉讼 (6 months), one sentence each, as printed. */
  remedies: string[];
  delivery: { deliveryId: string; method: 'WINDOW' | 'COURIER'; status: string; pickupCenter?: string };
}

export interface DecisionLetterRpcMap {
  [DecisionLetterRpc.decisionLetterOfCase]: { request: CaseQuery; reply: DecisionLetterView };
}
