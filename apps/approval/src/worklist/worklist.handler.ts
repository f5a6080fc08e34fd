import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type WorklistPage } from '#libs/contracts';
import { Worklist } from './worklist.js';

@Controller()
export class WorklistHandler {
  constructor(private readonly worklist: Worklist) {}

  @MessagePattern(Rpc.approval.worklist)
  handle(@Payload() request: unknown): Promise<WorklistPage> {
    return this.worklist.run(request);
  }
}
