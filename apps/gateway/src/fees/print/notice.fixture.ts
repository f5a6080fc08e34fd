import type { NoticeView } from '#libs/contracts';

/** A two-department notice as rpc.fees.notice.get answers it: the specs of both renderers print it. */
export const notice: NoticeView = {
  noticeNo: 'PN20261124000042X',
  caseNo: '510704202611230000427',
  itemName: '食品经营许可',
  centerCode: '510704-T01',
  items: [
    { code: 'LIC-FEE', name: '许可证工本费', department: 'SAMR', departmentName: '市场监督管理局', amountFen: 5000, quantity: 1 },
    { code: 'INSPECT', name: '现场核查费', department: 'SAMR', departmentName: '市场监督管理局', amountFen: 3000, quantity: 2 },
    { code: 'PLATE', name: '标牌费', department: 'HOUSING', departmentName: '住房和城乡建设局', amountFen: 1000 },
  ],
  split: [
    {
      department: 'SAMR',
      departmentName: '市场监督管理局',
      amountFen: 8000,
      payee: { accountName: '某市财政局非税收入汇缴结算户', bank: '中国工商银行某市分行营业部', accountNo: '2301020109024500123' },
    },
    {
      department: 'HOUSING',
      departmentName: '住房和城乡建设局',
      amountFen: 1000,
      payee: { accountName: '某市住房和城乡建设局', bank: '中国建设银行某市城关支行', accountNo: '51050140860800000456' },
    },
  ],
  totalFen: 9000,
  paidFen: 0,
  refundedFen: 0,
  refundableFen: 0,
  status: 'UNPAID',
  issuedAt: '2026-11-24T10:15:30+08:00',
  expiresAt: '2026-12-09T23:59:59+08:00',
};
