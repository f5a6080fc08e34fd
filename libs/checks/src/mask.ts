/** Personal data is masked for roles that do not need it: keep the ends so a clerk can still match a document. */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '****' + phone.slice(-4);
}

export function maskName(name: string): string {
  if (name.length <= 1) return name;
  return name[0] + '*'.repeat(Math.min(name.length - 1, 2));
}
