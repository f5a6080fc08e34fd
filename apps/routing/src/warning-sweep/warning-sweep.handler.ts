import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Headers, HttpCode, Inject, Post, Res } from '@nestjs/common';
import type { ServiceConfig } from '#libs/config';
import { Rpc, type WarningSweepReply } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { SERVICE_CONFIG } from '#libs/platform';
import { WarningSweep } from './warning-sweep.js';

/** Runs a sweep now: over NATS (any one routing process answers) for operators and tests. */
@Controller()
export class WarningSweepHandler {
  constructor(private readonly sweep: WarningSweep) {}

  @OnRpc(Rpc.routing.runWarningSweep)
  handle(): Promise<WarningSweepReply> {
    return this.sweep.execute();
  }
}

/**
 * The same on this process's own health port (bound to BIND_HOST, 127.0.0.1 by default), so a test can make two
 * given processes sweep at the same moment; NATS would hand both requests to whichever replica it picks.
 *
 * The health port is reachable by anything that can reach the pod (BIND_HOST=0.0.0.0 under Kubernetes), so the route
 * needs the operator token: `Authorization: Bearer <INTERNAL_TOKEN>`, compared in constant time.
 * - INTERNAL_TOKEN not configured → 404, as if the route did not exist (it cannot be used, so it is not offered).
 * - configured, header missing or wrong → 401 {code: 'AUTH.UNAUTHENTICATED'}.
 * The answers are set on the response rather than thrown: the service's global filter turns every HTTP exception
 * into a 500.
 */
@Controller('internal')
export class WarningSweepHttpController {
  /** SHA-256 of INTERNAL_TOKEN: digests are always 32 bytes, so the comparison leaks not even the token's length. */
  private readonly tokenDigest: Buffer | undefined;

  constructor(
    private readonly sweep: WarningSweep,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.tokenDigest = config.internalToken ? sha256(config.internalToken) : undefined;
  }

  @Post('warning-sweep')
  @HttpCode(200)
  async run(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) res: { status(code: number): void },
  ): Promise<WarningSweepReply | { code: string; message: string }> {
    if (!this.tokenDigest) {
      res.status(404);
      return { code: 'ROUTE.NOT_FOUND', message: 'Cannot POST /internal/warning-sweep' };
    }
    if (!bearerMatches(authorization, this.tokenDigest)) {
      res.status(401);
      return { code: 'AUTH.UNAUTHENTICATED', message: 'Authorization: Bearer <INTERNAL_TOKEN> required' };
    }
    return this.sweep.execute();
  }
}

const sha256 = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** `Bearer <token>` carrying exactly the expected token (compared as digests, with timingSafeEqual). */
function bearerMatches(header: string | undefined, expectedDigest: Buffer): boolean {
  const m = /^Bearer +(\S+)\s*$/i.exec(header ?? '');
  return m !== null && timingSafeEqual(sha256(m[1]), expectedDigest);
}
