import { csvCell, toCsv } from './csv';

describe('CSV', () => {
  it.each([
    [12, '12'],
    [0, '0'],
    [0.667, '0,667'],
    [null, '<5'],
    ['Trajecten gestart', 'Trajecten gestart'],
    ['werk, proefplaatsing', '"werk, proefplaatsing"'],
    ['werk; proefplaatsing', '"werk; proefplaatsing"'],
    ['zei "ja"', '"zei ""ja"""'],
    ['twee\nregels', '"twee\nregels"'],
    // Spreadsheet formulas are defused.
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+31', "'+31"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('cell %p → %s', (value, text) => {
    expect(csvCell(value)).toBe(text);
  });

  it('writes a BOM, a header and CRLF rows, separated by semicolons for Dutch Excel', () => {
    expect(
      toCsv(
        ['Onderdeel', 'Totaal'],
        [
          ['Gestart', 290],
          ['Klein', null],
        ],
      ),
    ).toBe('\uFEFFOnderdeel;Totaal\r\nGestart;290\r\nKlein;<5\r\n');
  });
});
