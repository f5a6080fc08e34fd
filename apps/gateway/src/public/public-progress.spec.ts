import { Events, type TimelineEntry } from '#libs/contracts';
import { currentStep, publicTimeline } from './public-progress.js';

const names = (code: string) => ({ HUD: '住房和城乡建设局', TAX: '税务局' })[code] ?? code;
const entry = (type: string, data: Record<string, unknown> = {}): TimelineEntry => ({ at: '2026-11-23T09:30:12+08:00', type, actor: { id: 'rep.hud', role: 'CHIEF_REP' }, data });

describe('the public progress page', () => {
  it('names the departments a case waits on', () => {
    const stages = [
      { stage: 1, departments: ['HUD', 'TAX'], status: 'OPEN' as const },
      { stage: 2, departments: ['NRB'], status: 'PENDING' as const },
    ];
    expect(currentStep('IN_REVIEW', { stages }, names)).toBe('住房和城乡建设局、税务局审查中');
    expect(currentStep('AWAITING_PAYMENT', undefined, names)).toBe('待缴费');
    expect(currentStep('READY_FOR_DELIVERY', undefined, names, { method: 'WINDOW', pickupCenter: '示范区政务服务中心' })).toBe('待领取（示范区政务服务中心）');
    expect(currentStep('READY_FOR_DELIVERY', undefined, names, { method: 'COURIER' })).toBe('待寄出');
  });

  it('keeps only applicant-facing entries, in words, without actors or data', () => {
    const out = publicTimeline(
      [
        entry(Events.CaseAccepted, { applicantType: 'PERSON' }),
        entry(Events.StageOpened, { departments: ['HUD', 'TAX'] }),
        entry(Events.TaskAssigned, { assignee: 'backup.nrb' }),
        entry(Events.OpinionRecorded, { opinion: '张三的合同有误' }),
        entry(Events.CaseSuspended, { requested: [{ code: 'M02', name: '房屋买卖合同' }], reason: '缺签字' }),
        entry(Events.NotificationSent, { template: 'RESULT_READY_WINDOW', outcome: 'SENT' }),
        entry(Events.NotificationSent, { template: 'CASE_ACCEPTED', outcome: 'FAILED' }),
      ],
      names,
    );
    expect(out).toEqual([
      { at: '2026-11-23T09:30:12+08:00', event: '申请已受理' },
      { at: '2026-11-23T09:30:12+08:00', event: '住房和城乡建设局、税务局开始审查' },
      { at: '2026-11-23T09:30:12+08:00', event: '需补正材料：房屋买卖合同（办理时限暂停）' },
      { at: '2026-11-23T09:30:12+08:00', event: '已发送领取通知（含取件码）' },
    ]);
    expect(JSON.stringify(out)).not.toMatch(/rep\.|backup|张三/);
  });
});
