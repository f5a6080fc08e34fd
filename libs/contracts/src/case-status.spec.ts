import { CaseStatus, canMove, isTerminal, statusAfterEvent, statusesMovingTo, statusOnEvent } from './case-status.js';
import { Events } from './events.js';

describe('case status', () => {
  it('moves forward along the life of a case', () => {
    expect(canMove(CaseStatus.ACCEPTED, CaseStatus.IN_REVIEW)).toBe(true);
    expect(canMove(CaseStatus.IN_REVIEW, CaseStatus.APPROVED)).toBe(true);
    expect(canMove(CaseStatus.APPROVED, CaseStatus.AWAITING_PAYMENT)).toBe(true);
    expect(canMove(CaseStatus.APPROVED, CaseStatus.READY_FOR_DELIVERY)).toBe(true);
    expect(canMove(CaseStatus.DELIVERING, CaseStatus.DELIVERED)).toBe(true);
  });

  it('never moves back', () => {
    expect(canMove(CaseStatus.DELIVERING, CaseStatus.READY_FOR_DELIVERY)).toBe(false);
    expect(canMove(CaseStatus.AWAITING_PAYMENT, CaseStatus.APPROVED)).toBe(false);
    expect(canMove(CaseStatus.APPROVED, CaseStatus.IN_REVIEW)).toBe(false);
    expect(canMove(CaseStatus.DELIVERED, CaseStatus.DELIVERED)).toBe(false);
  });

  it('goes between review and suspension both ways', () => {
    expect(canMove(CaseStatus.IN_REVIEW, CaseStatus.SUSPENDED)).toBe(true);
    expect(canMove(CaseStatus.SUSPENDED, CaseStatus.IN_REVIEW)).toBe(true);
    expect(canMove(CaseStatus.SUSPENDED, CaseStatus.APPROVED)).toBe(true);
  });

  it('ends a case as rejected or withdrawn only while it is being decided', () => {
    expect(canMove(CaseStatus.IN_REVIEW, CaseStatus.REJECTED)).toBe(true);
    expect(canMove(CaseStatus.SUSPENDED, CaseStatus.REJECTED)).toBe(true);
    expect(canMove(CaseStatus.ACCEPTED, CaseStatus.WITHDRAWN)).toBe(true);
    expect(canMove(CaseStatus.APPROVED, CaseStatus.REJECTED)).toBe(false);
    expect(canMove(CaseStatus.DELIVERED, CaseStatus.WITHDRAWN)).toBe(false);
  });

  it('leaves a rejected or withdrawn case where it is', () => {
    expect(isTerminal(CaseStatus.REJECTED)).toBe(true);
    expect(isTerminal(CaseStatus.WITHDRAWN)).toBe(true);
    for (const to of Object.values(CaseStatus)) {
      expect(canMove(CaseStatus.REJECTED, to)).toBe(false);
      expect(canMove(CaseStatus.WITHDRAWN, to)).toBe(false);
    }
  });

  it('maps fee and delivery events to a status, ignoring ones that would go back', () => {
    expect(statusAfterEvent(CaseStatus.APPROVED, Events.NoticeIssued)).toBe(CaseStatus.AWAITING_PAYMENT);
    expect(statusAfterEvent(CaseStatus.AWAITING_PAYMENT, Events.DeliveryReady)).toBe(CaseStatus.READY_FOR_DELIVERY);
    expect(statusAfterEvent(CaseStatus.READY_FOR_DELIVERY, Events.DeliveryDispatched)).toBe(CaseStatus.DELIVERING);
    expect(statusAfterEvent(CaseStatus.DELIVERING, Events.DeliveryDelivered)).toBe(CaseStatus.DELIVERED);
    // "dispatched" overtook "ready": the late "ready" changes nothing.
    expect(statusAfterEvent(CaseStatus.DELIVERING, Events.DeliveryReady)).toBeUndefined();
    expect(statusAfterEvent(CaseStatus.AWAITING_PAYMENT, Events.PaymentRecorded)).toBeUndefined();
    expect(statusAfterEvent(CaseStatus.REJECTED, Events.DeliveryDelivered)).toBeUndefined();
  });

  // Intake keeps only how the case ended (ACCEPTED, REJECTED, DELIVERING, DELIVERED, WITHDRAWN) and moves it with a
  // guarded update: these are the moves its table can make.
  it("gives intake's view of the case the same moves", () => {
    const intake = ['ACCEPTED', 'REJECTED', 'DELIVERING', 'DELIVERED', 'WITHDRAWN'];
    const from = (eventType: string) => statusesMovingTo(statusOnEvent(eventType)!).filter((s) => intake.includes(s));
    expect(statusOnEvent(Events.CaseRejected)).toBe(CaseStatus.REJECTED);
    expect(from(Events.CaseRejected)).toEqual(['ACCEPTED']);
    expect(statusOnEvent(Events.DeliveryDispatched)).toBe(CaseStatus.DELIVERING);
    expect(from(Events.DeliveryDispatched)).toEqual(['ACCEPTED']);
    expect(statusOnEvent(Events.DeliveryDelivered)).toBe(CaseStatus.DELIVERED);
    expect(from(Events.DeliveryDelivered)).toEqual(['ACCEPTED', 'DELIVERING']);
    expect(statusOnEvent(Events.TaskAssigned)).toBeUndefined();
  });
});
