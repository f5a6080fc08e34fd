import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type Command, type RefusalView, type RefuseRequest } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { RefuseApplication } from './refuse-application.js';

@Controller()
export class RefuseApplicationHandler {
  constructor(private readonly refusals: RefuseApplication) {}

  @OnRpc(Rpc.intake.refuse)
  refuse(@Payload() cmd: Command<RefuseRequest>): Promise<RefusalView> {
    return this.refusals.refuse(cmd);
  }

  @OnRpc(Rpc.intake.getRefusal)
  get(@Payload() q: { refusalNo?: string }): Promise<RefusalView> {
    return this.refusals.get(String(q?.refusalNo ?? ''));
  }
}
