/** Writes rows as CSV (`;`, BOM, as Dutch Excel opens it) with csv-stringify, or as XLSX with exceljs. */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { FileFormat } from './import.types';

export type OutCell = string | number;

/** A text cell a spreadsheet would run as a formula (=, +, -, @) gets a leading ' (CSV injection). */
export function neutralise(cell: OutCell): OutCell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function writeCsv(headers: readonly string[], rows: readonly OutCell[][]): Buffer {
  const body = stringify([headers as string[], ...rows.map((r) => r.map(neutralise))], {
    delimiter: ';',
    record_delimiter: '\r\n',
    cast: { number: (n) => String(n).replace('.', ',') },
  });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
}

export async function writeXlsx(
  sheetName: string,
  headers: readonly string[],
  rows: readonly OutCell[][],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...headers]).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((c, i) => {
    c.width = Math.min(40, Math.max(10, (headers[i] ?? '').length + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function writeRows(
  format: FileFormat,
  sheetName: string,
  headers: readonly string[],
  rows: readonly OutCell[][],
): Promise<Buffer> {
  return format === 'csv' ? writeCsv(headers, rows) : writeXlsx(sheetName, headers, rows);
}
