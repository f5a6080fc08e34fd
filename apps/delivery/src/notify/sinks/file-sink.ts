import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { toShanghai } from '#libs/calendar';
import { maskPhone } from '#libs/checks';
import type { NotificationSink, OutgoingNotification } from './notification-sink.js';

/** One JSON object per line, phone masked: for a demo, a test, or a process that forwards the file. */
export function sinkLine(n: OutgoingNotification): string {
  return JSON.stringify({
    notificationId: n.id,
    caseNo: n.caseNo,
    template: n.template,
    phone: maskPhone(n.phone),
    text: n.text,
    queuedAt: toShanghai(n.queuedAt),
    sentAt: toShanghai(new Date()),
  });
}

/**
 * The default sink (NOTIFY_SINK=file): appends to NOTIFY_FILE. One append per line, so lines of concurrent senders
 * (replicas on one volume) do not interleave. Should the process stop between the append and the commit that marks
 * the notification SENT, it is sent again; the line's notificationId tells the two apart.
 */
export class FileSink implements NotificationSink {
  readonly channel = 'FILE' as const;
  private dirReady?: Promise<unknown>;

  constructor(private readonly file: string) {}

  async send(n: OutgoingNotification): Promise<void> {
    this.dirReady ??= mkdir(dirname(this.file), { recursive: true });
    await this.dirReady;
    await appendFile(this.file, sinkLine(n) + '\n', 'utf8');
  }
}
