import { headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { AppError, ErrorCodes, Headers, type RpcReply, type RpcRequest, type RpcSubject, type SerializedError } from '#libs/contracts';
import { observeRpcCall } from '#libs/observability';
import { wireSubject } from './subjects.js';
import { newId } from './event-factory.js';

type Reply<T> = { ok: true; data: T } | { ok: false; error: SerializedError };

/**
 * Core NATS request/reply with the error codes of the answering service carried back as AppError. The subject
 * fixes the payload's and the answer's types (RpcMap in #libs/contracts), so a caller cannot send the wrong shape.
 */
export class RpcClient {
  constructor(
    private readonly nc: NatsConnection,
    private readonly namespace: string,
    private readonly timeoutMs = 5000,
  ) {}

  async request<S extends RpcSubject>(
    subject: S,
    payload: RpcRequest<S>,
    opts: { correlationId?: string; timeoutMs?: number } = {},
  ): Promise<RpcReply<S>> {
    const h = natsHeaders();
    h.set(Headers.correlationId, opts.correlationId ?? newId());
    const call = observeRpcCall(subject, h); // metrics, and the span whose traceparent goes in the headers
    let reply: Reply<RpcReply<S>>;
    try {
      const msg = await this.nc.request(wireSubject(this.namespace, subject), JSON.stringify(payload ?? {}), {
        timeout: opts.timeoutMs ?? this.timeoutMs,
        headers: h,
      });
      reply = msg.json<Reply<RpcReply<S>>>();
    } catch (e) {
      call.end('unavailable', e);
      const service = subject.split('.')[1];
      throw new AppError(ErrorCodes.UNAVAILABLE, `The ${service} service is not answering; try again shortly.`, 503, {
        service,
        cause: (e as Error).message,
      });
    }
    if (!reply.ok) {
      call.end(reply.error?.status < 500 ? 'rejected' : 'failed', reply.error);
      throw AppError.from(reply.error);
    }
    call.end('ok');
    return reply.data;
  }

  /**
   * `request`, answering null where the service answers 404: for a question about something the service may not have
   * heard of yet (routing before it picked a case up), where "nothing there" is an answer, not a failure.
   */
  async requestOptional<S extends RpcSubject>(
    subject: S,
    payload: RpcRequest<S>,
    opts: { correlationId?: string; timeoutMs?: number } = {},
  ): Promise<RpcReply<S> | null> {
    try {
      return await this.request(subject, payload, opts);
    } catch (e) {
      if (e instanceof AppError && e.status === 404) return null;
      throw e;
    }
  }
}
