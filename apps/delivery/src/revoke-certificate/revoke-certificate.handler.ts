import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type CertificateView, type Command } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { RevokeCertificate } from './revoke-certificate.js';

@Controller()
export class RevokeCertificateHandler {
  constructor(private readonly revokeCertificate: RevokeCertificate) {}

  @OnRpc(Rpc.delivery.revokeCertificate)
  handle(@Payload() command: Command<unknown>, @Ctx() ctx: RequestContext): Promise<CertificateView> {
    return this.revokeCertificate.execute(command, ctx.correlationId);
  }
}
