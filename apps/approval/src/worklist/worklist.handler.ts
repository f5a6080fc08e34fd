import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type WorklistPage } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { Worklist } from './worklist.js';

@Controller()
export class WorklistHandler {
  constructor(private readonly worklist: Worklist) {}

  @OnRpc(Rpc.approval.worklist)
  handle(@Payload() request: unknown): Promise<WorklistPage> {
    return this.worklist.execute(request);
  }
}
