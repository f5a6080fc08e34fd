/** What a department's chief representative may decide on a review task; the gateway offers the same. */
export const DECISIONS = ['APPROVE', 'REJECT', 'REQUEST_SUPPLEMENT'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The longest opinion (审查意见, 会商意见) anyone may write: the gateway refuses more, and so does approval. */
export const OPINION_MAX_LENGTH = 2000;
