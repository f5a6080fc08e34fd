import type { NotificationSink, OutgoingNotification } from './notification-sink.js';

/** One SMS to one mainland mobile number. `reference` is the notification id: the gateway may dedupe on it. */
export interface SmsMessage {
  to: string;
  text: string;
  template: string;
  reference: string;
}

/** A real deployment's SMS provider; throws when the message was not accepted. */
export interface SmsGateway {
  send(message: SmsMessage): Promise<void>;
}

/** Longest wait for the gateway's answer; a timeout is a failed try, retried later. */
const TIMEOUT_MS = 5000;

/**
 * The one HTTP adapter: `POST <NOTIFY_SMS_URL>` with the message as JSON, the key in `X-Api-Key` and the notification
 * id in `Idempotency-Key` (a retry after a lost answer is the same message). Any 2xx is accepted; anything else,
 * or no answer within 5 s, is an error naming the status, never the number or the text.
 */
export class HttpSmsGateway implements SmsGateway {
  constructor(
    private readonly url: string,
    private readonly apiKey: string,
  ) {}

  async send(message: SmsMessage): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': this.apiKey, 'idempotency-key': message.reference },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await res.arrayBuffer().catch(() => undefined);
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
  }
}

/** NOTIFY_SINK=sms: each notification is one SMS through the gateway. */
export class SmsSink implements NotificationSink {
  readonly channel = 'SMS' as const;

  constructor(private readonly gateway: SmsGateway) {}

  send(n: OutgoingNotification): Promise<void> {
    return this.gateway.send({ to: n.phone, text: n.text, template: n.template, reference: n.id });
  }
}
