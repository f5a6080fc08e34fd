import { withdrawalBlockedBy } from './withdrawal-guard.js';

describe('when a withdrawal is too late', () => {
  const fresh = { intake: 'ACCEPTED', workflow: 'IN_REVIEW', deliveries: [] as string[] };

  it('lets a case in review, approved, awaiting payment or waiting at the window be withdrawn', () => {
    for (const workflow of [null, 'ACCEPTED', 'IN_REVIEW', 'SUSPENDED', 'APPROVED', 'AWAITING_PAYMENT', 'READY_FOR_DELIVERY']) {
      expect(withdrawalBlockedBy({ ...fresh, workflow, deliveries: workflow === 'READY_FOR_DELIVERY' ? ['READY'] : [] })).toBeUndefined();
    }
  });

  it('refuses once intake knows the case ended', () => {
    expect(withdrawalBlockedBy({ ...fresh, intake: 'WITHDRAWN' })).toBe('WITHDRAWN');
    expect(withdrawalBlockedBy({ ...fresh, intake: 'REJECTED' })).toBe('REJECTED');
  });

  it("refuses on delivery's or routing's word before intake has heard of it", () => {
    expect(withdrawalBlockedBy({ ...fresh, workflow: 'READY_FOR_DELIVERY', deliveries: ['DELIVERED'] })).toBe('DELIVERED');
    expect(withdrawalBlockedBy({ ...fresh, workflow: 'READY_FOR_DELIVERY', deliveries: ['DISPATCHED'] })).toBe('DELIVERING');
    expect(withdrawalBlockedBy({ ...fresh, workflow: 'REJECTED' })).toBe('REJECTED');
  });
});
