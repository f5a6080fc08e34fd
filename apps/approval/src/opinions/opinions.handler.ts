import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type OpinionView } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { OpinionsOfCase } from './opinions-of-case.js';
import { RecordOpinion } from './record-opinion.js';

@Controller()
export class OpinionsHandler {
  constructor(
    private readonly recordOpinion: RecordOpinion,
    private readonly opinionsOfCase: OpinionsOfCase,
  ) {}

  @OnRpc(Rpc.approval.recordOpinion)
  record(@Payload() command: Command<unknown>, @Ctx() ctx: RequestContext): Promise<OpinionView> {
    return this.recordOpinion.execute(command, ctx.correlationId);
  }

  @OnRpc(Rpc.approval.opinionsOfCase)
  ofCase(@Payload() query: unknown): Promise<OpinionView[]> {
    return this.opinionsOfCase.execute(query);
  }
}
