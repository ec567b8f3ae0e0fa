/** A suppressed cell in a CSV file. */
export const SUPPRESSED_TEXT = '<5';

/**
 * One CSV cell: quoted when it holds a separator, quote or line break; a leading = + - @ is defused
 * so a spreadsheet never runs it as a formula (CSV injection).
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return SUPPRESSED_TEXT;
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document (comma separated, CRLF line ends as RFC 4180 says, UTF-8 BOM for spreadsheets). */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
