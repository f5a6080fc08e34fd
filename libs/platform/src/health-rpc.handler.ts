import { Controller, type Type } from '@nestjs/common';
import { Rpc, type HealthReport } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { HealthService } from './health.js';

/** A service with subjects of its own in `Rpc`, hence an rpc.<service>.health to answer. */
export type BackendService = keyof typeof Rpc;

/**
 * The gateway's aggregated health asks each service over NATS, not over its HTTP port. One handler for all of them:
 * only the subject differs, and it is known when the service's module is put together.
 */
export function healthRpcHandler(service: string): Type<unknown> {
  if (!Object.hasOwn(Rpc, service)) throw new Error(`${service} has no rpc.${service}.health subject in Rpc (#libs/contracts)`);
  const subject = Rpc[service as BackendService].health;

  @Controller()
  class HealthRpcHandler {
    constructor(private readonly health: HealthService) {}

    @OnRpc(subject)
    check(): Promise<HealthReport> {
      return this.health.check();
    }
  }
  return HealthRpcHandler;
}
