/** Read by the chief representatives whose tasks it cancels, and by supervisors who may not read Chinese. */
export function withdrawnReason(reason: string): string {
  return `申请人已撤回申请：${reason} / withdrawn by the applicant: ${reason}`;
}
