/** Phones are personal data: views show enough to recognise one (138****8000), never the whole number. */
export function maskPhone(phone: string): string {
  const p = phone.trim();
  if (p.length >= 7) return `${p.slice(0, 3)}****${p.slice(-4)}`;
  if (p.length <= 2) return '*'.repeat(p.length);
  return `${p[0]}${'*'.repeat(p.length - 2)}${p.slice(-1)}`;
}
