import type { Payee } from '../payee/payee.repository.js';

/**
 * Demo payee accounts (收款账户) of the sample county's departments: illustrative, not real accounts. In production
 * the finance office loads its own (非税收入汇缴账户) into fees.payee_accounts.
 */
const DEPARTMENTS: [string, string][] = [
  ['SAMR', '市场监督管理局'],
  ['PSB', '公安局'],
  ['TAX', '税务局'],
  ['HRSS', '人力资源和社会保障局'],
  ['NRB', '自然资源局(不动产登记中心)'],
  ['HUD', '住房和城乡建设局'],
  ['EEB', '生态环境局'],
  ['WRB', '水利局'],
  ['CTB', '文化广电旅游局'],
  ['TRB', '交通运输局'],
  ['HEALTH', '卫生健康局'],
  ['DRC', '发展和改革局'],
  ['CIVIL', '民政局'],
  ['FIRE', '消防救援大队'],
];

export const SAMPLE_PAYEES: Payee[] = DEPARTMENTS.map(([department, departmentName], i) => ({
  department,
  departmentName,
  accountName: `示范区财政局非税收入汇缴结算户(${departmentName})`,
  bank: i % 2 === 0 ? '中国农业银行示范区支行' : '中国工商银行示范区支行',
  accountNo: `6228 4800 ${String(1000 + i).padStart(4, '0')} 5107 04`,
}));

/** The county center keeps the default validity; township centers give 10 days (their notices are paid on the spot). */
export const SAMPLE_CENTER_VALIDITY: [string, number][] = [
  ['510704-T01', 10],
  ['510704-T02', 10],
];
