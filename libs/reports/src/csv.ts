/** A suppressed cell in a CSV file. */
export const SUPPRESSED_TEXT = '<5';

/**
 * One CSV cell: quoted when it holds a separator, quote or line break; a leading = + - @ is defused
 * so a spreadsheet never runs it as a formula (CSV injection). A number has a decimal comma, as Dutch
 * Excel reads it.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return SUPPRESSED_TEXT;
  if (typeof value === 'number') return String(value).replace('.', ',');
  let text = value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV document as Dutch Excel opens it in columns: semicolon separated (the list separator of a
 * Dutch Windows), CRLF line ends as RFC 4180 says, and a UTF-8 BOM so "beëindigd" stays readable.
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
