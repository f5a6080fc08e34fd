import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type RefusalView, type RefuseRequest } from '#libs/contracts';
import { RefuseApplication } from './refuse-application.js';

@Controller()
export class RefuseApplicationHandler {
  constructor(private readonly refusals: RefuseApplication) {}

  @MessagePattern(Rpc.intake.refuse)
  refuse(@Payload() cmd: Command<RefuseRequest>): Promise<RefusalView> {
    return this.refusals.refuse(cmd);
  }

  @MessagePattern(Rpc.intake.getRefusal)
  get(@Payload() q: { refusalNo?: string }): Promise<RefusalView> {
    return this.refusals.get(String(q?.refusalNo ?? ''));
  }
}
