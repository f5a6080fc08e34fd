/** Read by the chief representatives of the other departments, and by supervisors who may not read Chinese. */
export function cancelReason(rejectedBy: string, stage: number): string {
  return `案件已被 ${rejectedBy} 在第 ${stage} 阶段驳回 / case rejected by ${rejectedBy} at stage ${stage}`;
}
