import { Injectable } from '@nestjs/common';
import { AppError, checkActorCommand, ErrorCodes, Events, ReissueNoticeSchema, type Command, type NoticeView, type ReissueNoticeRequest } from '#libs/contracts';
import { UnitOfWork } from '#libs/messaging';
import { IssueNotice } from '../issue-notice/issue-notice.js';
import { statusOf, toNoticeView } from '../payment-notice/notice-view.js';
import { NoticeRepository } from '../payment-notice/notice.repository.js';

/**
 * FINANCE replaces an expired notice: a new number with a new expiry and the same lines, the old one VOID and
 * pointing at it, both on the case's timeline. Only an expired notice is reissued; one still payable is just paid.
 */
@Injectable()
export class ReissueNotice {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly notices: NoticeRepository,
    private readonly issue: IssueNotice,
  ) {}

  async execute(cmd: Command<ReissueNoticeRequest>, correlationId: string): Promise<NoticeView> {
    const req = checkActorCommand(ReissueNoticeSchema, cmd, cmd?.data);
    return this.uow.run({ actor: cmd.actor, correlationId }, async (tx) => {
      const old = await this.notices.lock(tx.manager, req.noticeNo);
      if (!old) throw AppError.notFound(ErrorCodes.NOTICE_NOT_FOUND, `Payment notice ${req.noticeNo} does not exist.`);
      const now = new Date();
      const status = statusOf(old, now);
      if (status !== 'EXPIRED') {
        throw AppError.conflict(ErrorCodes.NOTICE_NOT_REISSUABLE, `Payment notice ${req.noticeNo} is ${status}; only an expired notice is reissued.`, { status });
      }
      const noticeNo = await this.issue.nextNoticeNo(tx.manager, now);
      const reason = req.reason?.trim() || 'expired';
      // VOID first: the case may have one notice that is not VOID (payment_notices_live_case).
      if (!(await this.notices.voidForReissue(tx.manager, old.notice_no, noticeNo, `reissued as ${noticeNo}: ${reason}`, old.version))) {
        throw AppError.conflict(ErrorCodes.CONCURRENT_UPDATE, `Payment notice ${req.noticeNo} changed meanwhile; look again.`);
      }
      const expiresAt = await this.issue.expiryFor(tx.manager, old.center_code, now);
      await this.notices.issue(tx.manager, {
        noticeNo,
        caseNo: old.case_no,
        items: old.items,
        totalFen: Number(old.total_fen),
        expiresAt,
        centerCode: old.center_code,
        replaces: old.notice_no,
      });
      tx.emit(Events.NoticeReissued, old.case_no, { previousNoticeNo: old.notice_no, noticeNo, totalFen: Number(old.total_fen), expiresAt: expiresAt.toISOString(), reason });
      return toNoticeView((await this.notices.lock(tx.manager, noticeNo))!, now);
    });
  }
}
