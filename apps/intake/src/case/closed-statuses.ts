/** Statuses after which nothing more is handed in or withdrawn: the case ended or its result has left the window. */
export const CLOSED_STATUSES = ['REJECTED', 'WITHDRAWN', 'DELIVERING', 'DELIVERED'];
