import { cancelReason } from './cancel-reason.js';

describe('cancelReason', () => {
  it('says who rejected the case at which stage, in Chinese and English', () => {
    expect(cancelReason('TAX', 1)).toBe('案件已被 TAX 在第 1 阶段驳回 / case rejected by TAX at stage 1');
  });
});
