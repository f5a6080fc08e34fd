import { IsResourceId } from './ids.js';

export class CaseNoParam {
  @IsResourceId('330106202611230001X', 'Case number (办件编号).')
  caseNo: string;
}

export class TaskIdParam {
  @IsResourceId('0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b')
  taskId: string;
}

export class NoticeNoParam {
  @IsResourceId('PN202612020000427', 'Payment notice number (缴费通知书编号): PN, the issue date, a sequence and a check character.')
  noticeNo: string;
}

export class DeliveryIdParam {
  @IsResourceId('0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5c')
  deliveryId: string;
}

export class ItemCodeParam {
  @IsResourceId('330000-000-XK-001', 'Service item code (事项编码).')
  code: string;
}
