/**
 * Every value that reaches a printed page goes through here: names, reasons and account names are typed in by people.
 * Escapes the HTML specials and the characters that end an unquoted attribute or a template (`` ` ``, `=`), so the
 * result is safe in element text and in quoted or unquoted attribute values.
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`=]/g, (c) => `&#${c.charCodeAt(0)};`);
}
