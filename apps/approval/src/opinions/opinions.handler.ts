import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type OpinionView } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { Opinions } from './opinions.js';

@Controller()
export class OpinionsHandler {
  constructor(private readonly opinions: Opinions) {}

  @OnRpc(Rpc.approval.recordOpinion)
  record(@Payload() command: Command<unknown>, @Ctx() ctx: RequestContext): Promise<OpinionView> {
    return this.opinions.record(command, ctx.correlationId);
  }

  @OnRpc(Rpc.approval.opinionsOfCase)
  ofCase(@Payload() query: unknown): Promise<OpinionView[]> {
    return this.opinions.ofCase(query);
  }
}
