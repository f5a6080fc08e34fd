import type { CertificateView } from '#libs/contracts';

/** The wording the HTML page and the PDF share. */
export const VERIFY_HINT =
  '扫描二维码可得本证照的签名数据（Ed25519）；可使用发证机关公布的公钥离线验证，或登录政务服务网站核验证照状态。';
export const REVOKED_WATERMARK = '已撤销';

export function paperDate(date: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date ?? '');
  return m ? `${m[1]}年${m[2]}月${m[3]}日` : '';
}

/** The rows of the certificate, label and value, in the order printed. */
export function certificateRows(c: CertificateView): [string, string][] {
  return [
    ['证照编号', c.certificateNo],
    ['持证人', c.holder.name],
    ['证件号码', c.holder.idNumberMasked ?? '—'],
    ['办理事项', c.itemName ?? ''],
    ['发证机关', c.department],
    ['发证日期', paperDate(c.issuedAt)],
    ['有效期至', c.validUntil ? paperDate(c.validUntil) : '长期'],
    ['办件编号', c.caseNo],
  ];
}

export function revokedBanner(c: CertificateView): string | undefined {
  if (c.status !== 'REVOKED') return undefined;
  return `本证照已于 ${paperDate(c.revokedAt)} 撤销${c.revokeReason ? `（${c.revokeReason}）` : ''}，不再有效。`;
}
