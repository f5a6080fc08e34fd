import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type ReceiptView } from '#libs/contracts';
import { CaseReceipt } from './case-receipt.js';

@Controller()
export class CaseReceiptHandler {
  constructor(private readonly receipt: CaseReceipt) {}

  @MessagePattern(Rpc.intake.receipt)
  view(@Payload() q: { caseNo?: string }): Promise<ReceiptView> {
    return this.receipt.view(String(q?.caseNo ?? ''));
  }
}
