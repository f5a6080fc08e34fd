import { MessagePattern } from '@nestjs/microservices';
import type { RpcReply, RpcRequest, RpcSubject } from '#libs/contracts';
import type { RequestContext } from './nats-server.js';

/**
 * What a handler of subject S must be: it accepts S's request (or something wider, such as `unknown` for a service
 * that checks the shape itself) and answers S's reply. Both come from RpcMap, which RpcClient.request checks too.
 */
export type RpcHandler<S extends RpcSubject> = (payload: RpcRequest<S>, ctx: RequestContext) => Promise<RpcReply<S>> | RpcReply<S>;

/** Declares a request/reply handler: `@OnRpc(Rpc.approval.decide) handle(@Payload() cmd, @Ctx() ctx: RequestContext)`. */
export function OnRpc<S extends RpcSubject>(subject: S) {
  return <M extends RpcHandler<S>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    MessagePattern(subject)(target, key, descriptor);
  };
}
