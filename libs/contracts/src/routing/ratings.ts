// class-transformer's @Type reads design-time types when the class is defined, whoever imports #libs/contracts.
import 'reflect-metadata';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import type { Command } from '../rpc.js';

/**
 * 好差评: the applicant rates a case once it has ended; a poor score (差评, ≤ 2) opens a follow-up (差评整改) that a
 * supervisor closes with a note within 5 working days. Routing owns it (supervision). Spread into RoutingEvents /
 * RoutingRpc and their maps (./events.ts, ./rpc.ts).
 */
export const RatingEvents = {
  RatingRecorded: 'routing.rating.recorded.v1',
  RatingFollowUpClosed: 'routing.rating-follow-up.closed.v1',
} as const;

export const RATING_MIN = 1;
export const RATING_MAX = 5;
/** A score at or below this is 差评: it opens a follow-up. */
export const POOR_RATING_MAX = 2;
/** Working days a supervisor has to close a follow-up (WorkingCalendar, from the rating). */
export const FOLLOW_UP_WORKING_DAYS = 5;
export const RATING_COMMENT_MAX_LENGTH = 500;
export const FOLLOW_UP_NOTE_MAX_LENGTH = 1000;
/** What the public page asks for: the last 6 characters of the applicant's ID number (or credit code). */
export const ID_TAIL = /^[0-9A-Za-z]{6}$/;

export interface RatingRecordedData {
  ratingId: string;
  score: number;
  comment?: string;
  /** The case's status when it was rated: DELIVERED, REJECTED or WITHDRAWN. */
  caseStatus: string;
  /** A 差评: the follow-up it opened and when that is due. */
  followUpId?: string;
  followUpDueAt?: string;
}

export interface RatingFollowUpClosedData {
  followUpId: string;
  ratingId: string;
  note: string;
  dueAt: string;
  /** Closed after its due time. */
  overdue: boolean;
}

export interface RatingEventDataMap {
  [RatingEvents.RatingRecorded]: RatingRecordedData;
  [RatingEvents.RatingFollowUpClosed]: RatingFollowUpClosedData;
}

export const RatingRpc = {
  rateCase: 'rpc.routing.rating.create',
  listFollowUps: 'rpc.routing.rating.follow-ups.list',
  closeFollowUp: 'rpc.routing.rating.follow-up.close',
  ratingSummary: 'rpc.routing.rating.summary',
} as const;

/** POST /public/cases/{caseNo}/rating: the body. The gateway checks idTail with intake before anything is written. */
export class RatingSchema {
  @IsString()
  @Matches(ID_TAIL, { message: 'idTail must be the last 6 characters of the ID number' })
  idTail: string;

  @IsInt({ message: 'score must be a whole number from 1 to 5' })
  @Min(RATING_MIN, { message: 'score must be a whole number from 1 to 5' })
  @Max(RATING_MAX, { message: 'score must be a whole number from 1 to 5' })
  score: number;

  @IsOptional()
  @IsString()
  @MaxLength(RATING_COMMENT_MAX_LENGTH)
  comment?: string;
}

/** rpc.routing.rating.create: the body and the case number from the path. */
export class RateCaseSchema extends RatingSchema {
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'caseNo must be a case number' })
  caseNo: string;
}

/** POST /supervision/ratings/follow-ups/{id}/close: the body. */
export class FollowUpCloseSchema {
  @IsString()
  @Matches(/\S/, { message: 'note must not be blank' })
  @MaxLength(FOLLOW_UP_NOTE_MAX_LENGTH)
  note: string;
}

export class CloseFollowUpSchema extends FollowUpCloseSchema {
  @IsUUID('loose', { message: 'followUpId must be the id of a rating follow-up' })
  followUpId: string;
}

export const FOLLOW_UP_STATUSES = ['OPEN', 'CLOSED'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** GET /supervision/ratings/follow-ups?status=. */
export class FollowUpsQuerySchema {
  @IsOptional()
  @IsIn(FOLLOW_UP_STATUSES)
  status?: FollowUpStatus;
}

/** rpc.routing.rating.create → the rating as recorded. */
export interface RatingView {
  ratingId: string;
  caseNo: string;
  score: number;
  comment?: string;
  ratedAt: string;
  /** A 差评's follow-up: when the supervisor must have closed it. */
  followUp?: { followUpId: string; dueAt: string };
}

/** A 差评 follow-up (差评整改), for supervisors. */
export interface RatingFollowUpView {
  followUpId: string;
  ratingId: string;
  caseNo: string;
  itemCode: string;
  itemName: string;
  /** The departments that reviewed the case. */
  departments: string[];
  score: number;
  comment?: string;
  status: FollowUpStatus;
  openedAt: string;
  dueAt: string;
  /** OPEN past its due time, or CLOSED after it. */
  overdue: boolean;
  closedAt?: string;
  closedBy?: string;
  note?: string;
}

/** Count, average and share of 差评 of a group of ratings. */
export interface RatingFigures {
  count: number;
  /** Two decimals; null without ratings. */
  average: number | null;
  /** Ratings ≤ 2 (差评), and their share of count (0..1, four decimals; null without ratings). */
  poor: number;
  poorShare: number | null;
}

/** rpc.routing.rating.summary {from?, to?} (Shanghai dates, inclusive; the rating's time counts). */
export interface RatingSummaryView {
  from: string;
  to: string;
  generatedAt: string;
  overall: RatingFigures;
  /** A rating counts for every department that reviewed its case. */
  departments: ({ department: string } & RatingFigures)[];
  items: ({ itemCode: string; itemName: string } & RatingFigures)[];
}

export interface RatingRpcMap {
  [RatingRpc.rateCase]: { request: Command<RateCaseSchema>; reply: RatingView };
  [RatingRpc.listFollowUps]: { request: { status?: string }; reply: RatingFollowUpView[] };
  [RatingRpc.closeFollowUp]: { request: Command<CloseFollowUpSchema>; reply: RatingFollowUpView };
  [RatingRpc.ratingSummary]: { request: { from?: string; to?: string }; reply: RatingSummaryView };
}
