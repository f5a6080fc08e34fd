import { headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { AppError, ErrorCodes, Headers, type SerializedError } from '#libs/contracts';
import { wireSubject } from './subjects.js';
import { newId } from './event-factory.js';

type Reply<T> = { ok: true; data: T } | { ok: false; error: SerializedError };

/** Core NATS request/reply with the error codes of the answering service carried back as AppError. */
export class RpcClient {
  constructor(
    private readonly nc: NatsConnection,
    private readonly namespace: string,
    private readonly timeoutMs = 5000,
  ) {}

  async request<T>(subject: string, payload: unknown, opts: { correlationId?: string; timeoutMs?: number } = {}): Promise<T> {
    const h = natsHeaders();
    h.set(Headers.correlationId, opts.correlationId ?? newId());
    let reply: Reply<T>;
    try {
      const msg = await this.nc.request(wireSubject(this.namespace, subject), JSON.stringify(payload ?? {}), {
        timeout: opts.timeoutMs ?? this.timeoutMs,
        headers: h,
      });
      reply = msg.json<Reply<T>>();
    } catch (e) {
      const service = subject.split('.')[1];
      throw new AppError(ErrorCodes.UNAVAILABLE, `The ${service} service is not answering; try again shortly.`, 503, {
        service,
        cause: (e as Error).message,
      });
    }
    if (!reply.ok) throw AppError.from(reply.error);
    return reply.data;
  }
}
