import type { AcceptCaseRequest } from '#libs/contracts';

/** OpenAPI examples of POST /cases beyond the plain one. */
export const ACCEPT_CASE_EXAMPLES: Record<string, { summary: string; value: AcceptCaseRequest }> = {
  tolerant: {
    summary: '容缺受理: food business licence with the tolerable M03 still to come',
    value: {
      itemCode: 'FOOD-BIZ',
      centerCode: '510704-C01',
      applicant: { type: 'PERSON', name: '李四', idType: 'ID_CARD', idNumber: '11010519491231002X', phone: '13812345678' },
      materials: [
        { code: 'M01', provided: true },
        { code: 'M02', provided: true },
        { code: 'M03', provided: false },
        { code: 'M04', provided: true },
      ],
      delivery: { method: 'WINDOW' },
      tolerant: true,
    },
  },
  defective: {
    summary: 'A defective material: answered 422 with the one-time notice',
    value: {
      itemCode: 'FOOD-BIZ',
      centerCode: '510704-C01',
      applicant: { type: 'PERSON', name: '李四', idType: 'ID_CARD', idNumber: '11010519491231002X', phone: '13812345678' },
      materials: [
        { code: 'M01', provided: true },
        { code: 'M02', provided: true, defective: true, defectReason: '营业执照已过期' },
        { code: 'M03', provided: true },
        { code: 'M04', provided: true },
      ],
      delivery: { method: 'WINDOW' },
    },
  },
  immediate: {
    summary: '即办件: seal filing decided at the window by the PSB chief representative (log in as rep.psb)',
    value: {
      itemCode: 'SEAL-FILING',
      centerCode: '510704-C01',
      applicant: { type: 'ORG', name: '示范科技有限公司', idType: 'USCC', idNumber: '91510704MA6CU1234H', phone: '13812345678' },
      materials: [
        { code: 'M01', provided: true },
        { code: 'M02', provided: true },
      ],
      delivery: { method: 'WINDOW' },
      decideNow: { decision: 'APPROVE', opinion: '材料齐全，准予备案' },
    },
  },
  reported: {
    summary: '上报件 at a township center: minimum living allowance, decided by the county civil affairs bureau',
    value: {
      itemCode: 'LOW-INCOME',
      centerCode: '510704-T01',
      applicant: { type: 'PERSON', name: '王五', idType: 'ID_CARD', idNumber: '11010519491231002X', phone: '13812345678' },
      materials: ['M01', 'M02', 'M03', 'M04'].map((code) => ({ code, provided: true })),
      delivery: { method: 'WINDOW' },
    },
  },
};

export const MATERIALS_MISSING_EXAMPLE = {
  code: 'CASE.MATERIALS_MISSING',
  message: 'Materials are missing or defective; nothing was accepted. The one-time notice lists every one.',
  notice: {
    noticeNo: 'GZ20261123000042',
    itemCode: 'FOOD-BIZ',
    itemName: '食品经营许可',
    missing: [
      { code: 'M02', name: '营业执照或其他主体资格证明文件', reason: 'DEFECTIVE', detail: '营业执照已过期', tolerable: false },
      { code: 'M03', name: '与食品经营相适应的主要设备设施布局、操作流程等文件', reason: 'MISSING', tolerable: true },
    ],
    issuedAt: '2026-11-23T09:30:12+08:00',
  },
  problems: [
    { field: 'materials.M02', rule: 'notDefective', message: '营业执照或其他主体资格证明文件 is defective: 营业执照已过期' },
    { field: 'materials.M03', rule: 'required', message: '与食品经营相适应的主要设备设施布局、操作流程等文件 is required' },
  ],
};
