import { maskIdNumber, maskPhone } from '#libs/checks';
import type { CaseStatus, CaseTaskView, CaseView, CaseViewOwner, DeliveryView, NoticeView, OpinionView, SuspensionView, TaskView } from '#libs/contracts';

/** The parts of a case's view that another service owns; routing keeps the last known copy of each. */
export const OWNER_PARTS = ['intake', 'tasks', 'opinions', 'notice', 'deliveries'] as const;
export type PartName = (typeof OWNER_PARTS)[number];

export const OWNER_OF: Record<PartName, CaseViewOwner> = {
  intake: 'intake',
  tasks: 'approval',
  opinions: 'approval',
  notice: 'fees',
  deliveries: 'delivery',
};

/**
 * Intake's record as the view shows it: no materials, form or delivery address, nor intake's status (routing's is the
 * one shown); ID number and phone masked.
 */
export type IntakePart = Pick<
  CaseView,
  | 'caseNo'
  | 'itemCode'
  | 'itemName'
  | 'itemVersion'
  | 'caseType'
  | 'centerCode'
  | 'centerName'
  | 'applicant'
  | 'acceptedAt'
  | 'promisedDeadline'
  | 'legalDeadline'
  | 'pendingMaterials'
  | 'pendingDueAt'
  | 'decidingAuthority'
  | 'immediateDecision'
  | 'withdrawnAt'
  | 'withdrawReason'
>;

/**
 * A delivery as routing keeps it: without its address, which only delivery may keep (sealed). A kept delivery that
 * had one is read from delivery on every view (volatileParts), so the page still shows it.
 */
export type StoredDelivery = Omit<DeliveryView, 'address'> & { addressWithheld?: true };

export interface PartValues {
  intake: IntakePart;
  tasks: CaseTaskView[];
  opinions: OpinionView[];
  notice: NoticeView | null;
  deliveries: StoredDelivery[];
}

/** What an owner answered, as the view shows it (deliveries with their addresses). */
export interface FetchedValues extends Omit<PartValues, 'deliveries'> {
  deliveries: DeliveryView[];
}

/**
 * One owner's part in routing.case_views.parts. `rev`: the id of the owner's latest event routing applied; the part
 * is stale while `fetchedRev` (the rev it was fetched under) differs; `fetchedBy`: the ticket of the read that wrote it.
 */
export interface StoredPart<P extends PartName = PartName> {
  value?: PartValues[P];
  rev: string;
  fetchedRev?: string;
  fetchedBy?: number;
}

export type StoredParts = { [P in PartName]?: StoredPart<P> };

/** Routing's own part: written in the transaction of routing's own change, so always exact. */
export interface WorkflowPart {
  status: CaseStatus;
  promisedDeadline: string;
  legalDeadline: string;
  deadlineEstimated?: boolean;
  estimatedYears?: number[];
  suspensions: SuspensionView[];
}

export function isStale(part: StoredPart | undefined): boolean {
  return !part || part.fetchedRev === undefined || part.fetchedRev !== part.rev;
}

export function intakePart(c: CaseView): IntakePart {
  const { caseNo, itemCode, itemName, itemVersion, caseType, centerCode, centerName, acceptedAt, promisedDeadline, legalDeadline } = c;
  const { pendingMaterials, pendingDueAt, decidingAuthority, immediateDecision, withdrawnAt, withdrawReason } = c;
  return plain({
    caseNo, itemCode, itemName, itemVersion, caseType, centerCode, centerName,
    // Masked here too (masking a masked value changes nothing): routing keeps no full ID number or phone.
    applicant: { ...c.applicant, idNumber: maskIdNumber(c.applicant.idNumber), phone: maskPhone(c.applicant.phone) },
    acceptedAt, promisedDeadline, legalDeadline, pendingMaterials, pendingDueAt, decidingAuthority, immediateDecision, withdrawnAt, withdrawReason,
  });
}

export function taskPart(t: TaskView): CaseTaskView {
  const { taskId, department, stage, status, decision, opinion, dueAt, decidedBy, onBehalfOf, decidedAt, cancelReason, assignee } = t;
  return plain({ taskId, department, stage, status, decision, opinion, dueAt, decidedBy, onBehalfOf, decidedAt, cancelReason, assignee });
}

/** Deliveries as the view shows them: phones masked (again). */
export function deliveriesPart(list: DeliveryView[]): DeliveryView[] {
  return plain(list.map((d) => (d.phone ? { ...d, phone: maskPhone(d.phone) } : d)));
}

/** Deliveries as routing keeps them: no addresses. */
export function storedDeliveries(list: DeliveryView[]): StoredDelivery[] {
  return list.map(({ address, ...d }) => (address === undefined ? d : { ...d, addressWithheld: true as const }));
}

/** What an owner answered, as it is stored: the same JSON the database gives back (no undefined members). */
export function storedValue<P extends PartName>(part: P, value: FetchedValues[P]): PartValues[P] {
  return (part === 'deliveries' ? storedDeliveries(value as DeliveryView[]) : value) as PartValues[P];
}

/** The JSON form: what jsonb keeps and gives back, so a fetched value compares equal to the stored one. */
export function plain<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
