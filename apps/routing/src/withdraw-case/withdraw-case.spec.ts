import { CaseStatus } from '#libs/contracts';
import { withdrawable } from './withdraw-case.js';

describe('when routing lets a withdrawal end the case', () => {
  it('ends it while in review, after approval and while the result waits at the window', () => {
    for (const s of [CaseStatus.ACCEPTED, CaseStatus.IN_REVIEW, CaseStatus.SUSPENDED, CaseStatus.APPROVED, CaseStatus.AWAITING_PAYMENT, CaseStatus.READY_FOR_DELIVERY]) {
      expect([s, withdrawable(s)]).toEqual([s, true]);
    }
  });

  it('leaves a rejected, withdrawn, dispatched or delivered case as it is', () => {
    for (const s of [CaseStatus.REJECTED, CaseStatus.WITHDRAWN, CaseStatus.DELIVERING, CaseStatus.DELIVERED]) {
      expect([s, withdrawable(s)]).toEqual([s, false]);
    }
  });
});
