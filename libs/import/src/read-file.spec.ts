import ExcelJS from 'exceljs';
import { neutralise, writeCsv } from './export-file';
import { decodeText, detectDelimiter, FileRefused, readFile, sniff } from './read-file';

const refusal = async (name: string, bytes: Buffer) => {
  try {
    await readFile(name, bytes);
    return 'read';
  } catch (error) {
    return error instanceof FileRefused ? `${error.status} ${error.message}` : String(error);
  }
};

describe('reading files', () => {
  it.each([
    ['a;b;c\n1;2;3', ';'],
    ['a,b,c\n1,2,3', ','],
    ['"a;x",b,c', ','],
    ['a\tb', '\t'],
  ])('delimiter of %j is %j', (text, want) => expect(detectDelimiter(text)).toBe(want));

  it.each([
    [Buffer.from('PK\u0003\u0004rest'), 'xlsx'],
    [Buffer.from('%PDF-1.4'), 'pdf'],
    [Buffer.from([0x00, 0x01, 0x02]), 'binary'],
    [Buffer.from('Voornaam;Achternaam'), 'text'],
  ])('sniff %#', (bytes, want) => expect(sniff(bytes)).toBe(want));

  it('decodes UTF-8 with a BOM, Windows-1252, and refuses a mix', () => {
    expect(decodeText(Buffer.from('\ufeffZoë', 'utf8'))).toBe('Zoë');
    expect(decodeText(Buffer.from('Zoë', 'latin1'))).toBe('Zoë');
    expect(() =>
      decodeText(Buffer.concat([Buffer.from('Zoë ', 'utf8'), Buffer.from('Noël', 'latin1')])),
    ).toThrow(/mengt twee tekensets/);
  });

  it.each([
    ['leeg.csv', Buffer.alloc(0), '422 Het bestand is leeg.'],
    ['leeg.csv', Buffer.from('\ufeff\r\n;;\r\n'), '422 Het bestand is leeg.'],
    [
      'x.xlsx',
      Buffer.from('%PDF-1.7 ...'),
      '422 Dit is een PDF-bestand, ook al eindigt de naam op .xlsx. Werkbrug leest alleen Excel (.xlsx) en CSV.',
    ],
    [
      'x.xlsx',
      Buffer.from('Voornaam;Achternaam'),
      '422 Dit bestand heet .xlsx, maar is geen Excel-bestand. Sla het opnieuw op als Excel-werkmap of als CSV.',
    ],
    [
      'x.xlsx',
      Buffer.from('PK\u0003\u0004kapot'),
      '422 Dit bestand is geen leesbaar Excel-bestand (.xlsx). Sla het opnieuw op als Excel-werkmap of als CSV.',
    ],
  ])('refuses %s (%#)', async (name, bytes, want) => expect(await refusal(name, bytes)).toBe(want));

  it('reads a Dutch CSV: BOM, ;, quotes, row numbers, our own neutralised cells, formulas refused', async () => {
    const text =
      '\ufeffVoornaam;Interesses\r\n\r\nNoor;"koken; bakken"\r\nPiet;\'=1+1\r\nKees;=SUM(A1)\r\n';
    const sheet = await readFile('x.csv', Buffer.from(text, 'utf8'));
    expect(sheet.headers).toEqual(['Voornaam', 'Interesses']);
    expect(sheet.rows).toEqual([
      { row: 3, cells: ['Noor', 'koken; bakken'] },
      { row: 4, cells: ['Piet', '=1+1'] },
      { row: 5, cells: ['Kees', ''] },
    ]);
    expect(sheet.notes).toEqual([expect.objectContaining({ row: 5, column: 1 })]);
  });

  it('reads XLSX: formula results taken, formulas without a result noted, rich text and dates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Blad1');
    ws.addRow(['Naam', 'Uren', 'Datum']);
    ws.addRow([
      { richText: [{ text: 'No' }, { text: 'or' }] },
      { formula: '8*3', result: 24 },
      new Date(Date.UTC(2027, 0, 15)),
    ]);
    ws.addRow(['Piet', { formula: 'A1*2' }, null]);
    const sheet = await readFile('x.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(sheet.rows[0]).toEqual({ row: 2, cells: ['Noor', 24, new Date(Date.UTC(2027, 0, 15))] });
    expect(sheet.notes).toEqual([expect.objectContaining({ row: 3, column: 1 })]);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+31 6', "'+31 6"],
    ['-5', "'-5"],
    ['@SUM', "'@SUM"],
    ['gewoon', 'gewoon'],
    [-5, -5],
  ])('neutralises %j on export', (cell, want) => expect(neutralise(cell)).toBe(want));

  it('writes CSV with a BOM and ; as Dutch Excel opens it', () => {
    const bytes = writeCsv(['A', 'B'], [['x;y', 12.5]]);
    expect(bytes.toString('utf8')).toBe('\ufeffA;B\r\n"x;y";12,5\r\n');
  });
});
