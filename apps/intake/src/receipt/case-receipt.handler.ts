import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type CaseQuery, type ReceiptView } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { CaseReceipt } from './case-receipt.js';

@Controller()
export class CaseReceiptHandler {
  constructor(private readonly receipt: CaseReceipt) {}

  @OnRpc(Rpc.intake.receipt)
  view(@Payload() q: CaseQuery): Promise<ReceiptView> {
    return this.receipt.execute(q);
  }
}
