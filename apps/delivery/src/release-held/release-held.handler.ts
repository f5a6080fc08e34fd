import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, type CaseSupplementedData, type EventEnvelope } from '#libs/contracts';
import { EventContext, OnEvent } from '#libs/messaging';
import { ReleaseHeld } from './release-held.js';

/** 容缺受理: the supplement that brings the last pending material releases an issuance held since the fees settled. */
@Controller()
export class ReleaseHeldHandler {
  constructor(private readonly releaseHeld: ReleaseHeld) {}

  @OnEvent(Events.CaseSupplemented)
  async onCaseSupplemented(@Payload() e: EventEnvelope<CaseSupplementedData>, @Ctx() ctx: EventContext): Promise<void> {
    await this.releaseHeld.execute(ctx.tx, e);
  }
}
