/**
 * 救济途径, printed on every 不予许可决定书 (《中华人民共和国行政许可法》第三十八条第二款: a refusal gives its reasons in
 * writing and tells the applicant of the right to 行政复议 or 行政诉讼). The periods are the statutory ones:
 * 《中华人民共和国行政复议法》第二十条 (sixty days from knowing of the decision) and 《中华人民共和国行政诉讼法》第四十六条
 * (six months). Text is data: one sentence each, in the order printed.
 */
export const REMEDIES: readonly string[] = [
  '申请人如对本决定不服，可以自收到本决定书之日起六十日内，依照《中华人民共和国行政复议法》的规定，向作出本决定的行政机关的本级人民政府或者上一级主管部门申请行政复议。',
  '申请人也可以自收到本决定书之日起六个月内，依照《中华人民共和国行政诉讼法》的规定，直接向有管辖权的人民法院提起行政诉讼。',
];

