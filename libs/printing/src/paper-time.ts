/** `2026-11-30T23:59:59+08:00` → `2026-11-30 23:59:59（北京时间）`: the views' Asia/Shanghai times, for paper; anything else as given. */
export function paperTime(shanghai: string | undefined): string {
  if (!shanghai) return '';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})\+08:00$/.exec(shanghai);
  return m ? `${m[1]} ${m[2]}（北京时间）` : shanghai;
}
