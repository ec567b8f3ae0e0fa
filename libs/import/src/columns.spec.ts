import { COLUMNS, matchHeaders } from './columns';
import { IMPORT_KINDS } from './import.types';

describe('matching a file’s headers to the template', () => {
  it.each([
    [
      ['Voornaam', 'ACHTERNAAM', 'postcode'],
      ['firstName', 'lastName', 'postcode'],
    ],
    [
      ['Roepnaam', 'Familienaam', 'Trede participatieladder'],
      ['firstName', 'lastName', 'ladderRung'],
    ],
    [
      ['Uren-per-week', 'Geboortedatum ', 'E-mailadres'],
      ['hours', 'dateOfBirth', 'email'],
    ],
    [
      ['Registratienummer', 'Reisafstand (km)'],
      ['externId', 'maxTravelKm'],
    ],
  ])('candidates %j', (headers, keys) => {
    const m = matchHeaders('candidates', headers);
    expect([...m.byIndex.values()].map((c) => c.key)).toEqual(keys);
    expect(m.unknown).toEqual([]);
  });

  it('reports unknown, repeated and missing required columns', () => {
    const m = matchHeaders('candidates', ['Voornaam', 'Roepnaam', 'Schoenmaat', '']);
    expect(m.unknown).toEqual(['Schoenmaat']);
    expect(m.repeated).toEqual(['Roepnaam']);
    expect(m.missing.map((c) => c.header)).toContain('Achternaam');
  });

  it('takes an explicit mapping first, and reports a mapping to no column', () => {
    const m = matchHeaders('candidates', ['Mijn kolom'], {
      'Mijn kolom': 'Voornaam',
      Ander: 'Bestaat niet',
    });
    expect([...m.byIndex.values()].map((c) => c.key)).toEqual(['firstName']);
    expect(m.badMapping).toEqual(['Bestaat niet']);
  });

  it.each(IMPORT_KINDS)('%s: the template reads back into itself, and examples parse', (kind) => {
    const columns = COLUMNS[kind];
    const m = matchHeaders(
      kind,
      columns.map((c) => c.header),
    );
    expect(m.byIndex.size).toBe(columns.length);
    expect(m.missing).toEqual([]);
    const ctx = {
      werksoorten: new Map([
        ['groen', 'groen'],
        ['productie', 'productie'],
        ['catering', 'catering'],
      ]),
      werksoortNames: new Map([['groen', 'Groen']]),
    };
    for (const c of columns) {
      if (!c.example) continue;
      const parsed = c.parse(c.example, ctx);
      expect({ header: c.header, ok: parsed.ok }).toEqual({ header: c.header, ok: true });
      if (parsed.ok) expect(c.parse(String(c.format(parsed.value, ctx)), ctx)).toEqual(parsed);
    }
  });
});
