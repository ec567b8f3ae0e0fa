/**
 * Reads an uploaded file into a header row and data rows, with csv-parse for CSV and exceljs for
 * XLSX. Whatever cannot be read is refused as a whole with a Dutch answer (FileRefused); a cell that
 * cannot be read (a formula without its result) is reported and left empty.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Cell } from './columns';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_ROWS = 100_000;

/** The whole file is refused: status 413 (too large) or 422, a stable code and a Dutch message. */
export class FileRefused extends Error {
  constructor(
    readonly status: 413 | 422,
    readonly code: 'IMPORT_FILE_TOO_LARGE' | 'IMPORT_FILE_UNREADABLE',
    message: string,
  ) {
    super(message);
  }
}
const refuse = (message: string) => new FileRefused(422, 'IMPORT_FILE_UNREADABLE', message);

export interface CellNote {
  row: number;
  column: number;
  message: string;
}

export interface SheetRows {
  format: 'csv' | 'xlsx';
  headers: string[];
  /** The row number as the spreadsheet shows it (header = 1 when it is the first line). */
  rows: { row: number; cells: Cell[] }[];
  notes: CellNote[];
}

export type FileKind = 'xlsx' | 'pdf' | 'binary' | 'text';

/** What the bytes are, whatever the name says: a zip (xlsx), a PDF, other binary, or text. */
export function sniff(bytes: Buffer): FileKind {
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return 'binary';
  return 'text';
}

/**
 * Text from bytes: UTF-8 (with or without BOM), else Windows-1252 (Dutch Excel's "CSV" default).
 * A file with both valid UTF-8 letters and bytes that are not UTF-8 mixes encodings: refused,
 * because any choice would garble part of the names.
 */
export function decodeText(bytes: Buffer): string {
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const latin = body.toString('latin1');
    // A well-formed UTF-8 sequence for a letter with an accent (é = C3 A9) next to bytes that are not UTF-8.
    if (/[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}/.test(latin))
      throw refuse(
        'Het bestand mengt twee tekensets (UTF-8 en Windows-1252), waardoor letters als ë en é niet goed te lezen zijn. Sla het bestand opnieuw op als "CSV UTF-8 (door komma’s gescheiden)" en probeer het nog eens.',
      );
    return new TextDecoder('windows-1252').decode(body);
  }
}

/** `;` or `,` (or tab): the one that occurs most in the first line outside quotes. */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const firstLine = (text.split(/\r?\n/).find((l) => l.trim()) ?? '').replace(/"[^"]*"/g, '');
  const count = (c: string) => firstLine.split(c).length - 1;
  const candidates: (';' | ',' | '\t')[] = [';', ',', '\t'];
  return candidates.reduce((best, c) => (count(c) > count(best) ? c : best), ';');
}

/** Our own export writes '=… as '=…  (CSV injection): read the value back without the quote. */
const unneutralise = (value: string) => (/^'[=+\-@]/.test(value) ? value.slice(1) : value);

export function readCsv(bytes: Buffer): SheetRows {
  const text = decodeText(bytes);
  if (!text.replace(/[\s;,]/g, '')) throw refuse('Het bestand is leeg.');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const where = /line (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    throw refuse(
      `Het bestand is geen leesbare CSV${where ? ` (rond regel ${where})` : ''}. Controleer de aanhalingstekens.`,
    );
  }
  const nonEmpty = records.filter((r) => r.record.some((c) => c.trim()));
  const [header, ...data] = nonEmpty;
  if (!header) throw refuse('Het bestand is leeg.');
  tooManyRows(data.length);
  const notes: CellNote[] = [];
  const rows = data.map(({ record, info }) => ({
    row: info.lines,
    cells: record.map((value, column) => {
      const cell = unneutralise(value);
      if (/^=[A-Za-z(]/.test(cell.trim())) {
        notes.push({
          row: info.lines,
          column,
          message:
            'Deze cel bevat een formule zonder uitkomst. Zet de waarde zelf in de cel (kopiëren, plakken als waarde).',
        });
        return '';
      }
      return cell;
    }),
  }));
  return { format: 'csv', headers: header.record.map((h) => h.trim()), rows, notes };
}

function tooManyRows(count: number) {
  if (count > MAX_ROWS)
    throw refuse(
      `Het bestand heeft ${count.toLocaleString('nl-NL')} rijen. Werkbrug leest hooguit ${MAX_ROWS.toLocaleString('nl-NL')} rijen per bestand: splits het bestand in delen.`,
    );
}

type ExcelValue = ExcelJS.CellValue;

/** A cell's value for the import: formulas give their saved result; null when there is none. */
function excelCell(value: ExcelValue): { cell: Cell; formulaWithoutResult?: true } {
  if (value === null || value === undefined) return { cell: '' };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return { cell: value };
  if (value instanceof Date) return { cell: value };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelValue }).result;
    if (
      result === undefined ||
      result === null ||
      (typeof result === 'object' && 'error' in result)
    )
      return { cell: '', formulaWithoutResult: true };
    return excelCell(result);
  }
  if ('richText' in value) return { cell: value.richText.map((r) => r.text).join('') };
  if ('text' in value) return { cell: String(value.text) };
  if ('error' in value) return { cell: '' };
  return { cell: '' };
}

export async function readXlsx(bytes: Buffer): Promise<SheetRows> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw refuse(
      'Dit bestand is geen leesbaar Excel-bestand (.xlsx). Sla het opnieuw op als Excel-werkmap of als CSV.',
    );
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) throw refuse('Het bestand is leeg.');
  tooManyRows(sheet.actualRowCount - 1);
  const notes: CellNote[] = [];
  const all: { row: number; cells: Cell[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    const count = row.cellCount;
    for (let c = 1; c <= count; c++) {
      const { cell, formulaWithoutResult } = excelCell(row.getCell(c).value);
      if (formulaWithoutResult)
        notes.push({
          row: rowNumber,
          column: c - 1,
          message:
            'Deze cel bevat een formule zonder opgeslagen uitkomst. Open het bestand in Excel en sla het op, of zet de waarde zelf in de cel.',
        });
      cells.push(typeof cell === 'string' ? cell.trim() : cell);
    }
    if (cells.some((c) => c !== '')) all.push({ row: rowNumber, cells });
  });
  const [header, ...rows] = all;
  if (!header) throw refuse('Het bestand is leeg.');
  return {
    format: 'xlsx',
    headers: header.cells.map((c) => (c instanceof Date ? '' : String(c).trim())),
    rows,
    notes: notes.filter((n) => n.row !== header.row),
  };
}

/** Reads an upload, whatever its name claims: the bytes decide. */
export async function readFile(fileName: string, bytes: Buffer): Promise<SheetRows> {
  if (bytes.length > MAX_FILE_BYTES)
    throw new FileRefused(
      413,
      'IMPORT_FILE_TOO_LARGE',
      `Het bestand is ${(bytes.length / 1024 / 1024).toFixed(0)} MB. Werkbrug leest bestanden tot 50 MB: splits het bestand in delen.`,
    );
  if (!bytes.length) throw refuse('Het bestand is leeg.');
  const kind = sniff(bytes);
  const saysXlsx = /\.xlsx?$/i.test(fileName);
  if (kind === 'pdf')
    throw refuse(
      `Dit is een PDF-bestand${saysXlsx ? ', ook al eindigt de naam op .xlsx' : ''}. Werkbrug leest alleen Excel (.xlsx) en CSV.`,
    );
  if (kind === 'binary')
    throw refuse('Dit bestand is geen Excel (.xlsx) of CSV. Werkbrug leest alleen die twee.');
  if (kind === 'xlsx') return readXlsx(bytes);
  if (saysXlsx)
    throw refuse(
      'Dit bestand heet .xlsx, maar is geen Excel-bestand. Sla het opnieuw op als Excel-werkmap of als CSV.',
    );
  return readCsv(bytes);
}
