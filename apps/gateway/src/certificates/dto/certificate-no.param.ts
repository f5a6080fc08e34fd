import { IsResourceId } from '../../common/ids.js';

export class CertificateNoParam {
  @IsResourceId(
    'SAMR-20260010000427',
    'Certificate number (证照编号): the issuing department, "-", the year, the result type (3 digits), a sequence (6 digits) and a check character (ISO 7064 MOD 11-2, 0-9 or X).',
  )
  certificateNo: string;
}
