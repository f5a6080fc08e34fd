import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type Command, type RefusalView, type RefuseRequest } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { GetRefusal } from './get-refusal.js';
import { RefuseApplication } from './refuse-application.js';

@Controller()
export class RefuseApplicationHandler {
  constructor(
    private readonly refuseApplication: RefuseApplication,
    private readonly getRefusal: GetRefusal,
  ) {}

  @OnRpc(Rpc.intake.refuse)
  refuse(@Payload() cmd: Command<RefuseRequest>): Promise<RefusalView> {
    return this.refuseApplication.execute(cmd);
  }

  @OnRpc(Rpc.intake.getRefusal)
  get(@Payload() q: { refusalNo?: string }): Promise<RefusalView> {
    return this.getRefusal.execute(q);
  }
}
