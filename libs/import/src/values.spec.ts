import {
  editDistance,
  excelSerialToIso,
  parseCertificates,
  parseDate,
  parseDecimal,
  parseDemand,
  parseHours,
  parseKvk,
  parseLadderRung,
  parsePostcode,
  parseWord,
  parseWords,
  parseYesNo,
  similarNames,
  splitList,
  VOCABULARIES,
  werksoortVocabulary,
} from './values';

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }) =>
  r.ok ? r.value : `FOUT: ${r.message}`;

describe('values as people write them', () => {
  it.each([
    ['ja', true],
    ['Ja', true],
    ['J', true],
    ['x', true],
    ['nee', false],
    ['NEE ', false],
    ['0', false],
    ['misschien', 'FOUT: Schrijf ja of nee.'],
  ])('ja/nee: %j → %j', (raw, want) => expect(value(parseYesNo(raw))).toBe(want));

  it.each([
    ['12,5', 12.5],
    ['12.5', 12.5],
    ['1.234,5', 1234.5],
    ['60%', 60],
    [' 7 ', 7],
    ['twaalf', 'FOUT: Schrijf een getal, bijvoorbeeld 12 of 12,5.'],
  ])('decimal: %j → %j', (raw, want) => expect(value(parseDecimal(raw))).toBe(want));

  it.each([
    ['3441 AB', '3441 AB'],
    ['3441ab', '3441 AB'],
    ['3441-ab', '3441 AB'],
    ['0441 AB', 'FOUT'],
    ['3441 SS', 'FOUT'],
    ['344 AB', 'FOUT'],
  ])('postcode: %j → %j', (raw, want) =>
    expect(String(value(parsePostcode(raw)))).toMatch(new RegExp(`^${want}`)),
  );

  it.each([
    ['15-01-2027', '2027-01-15'],
    ['5-1-2027', '2027-01-05'],
    ['15/01/2027', '2027-01-15'],
    ['15.01.2027', '2027-01-15'],
    ['2027-01-15', '2027-01-15'],
    [46402, '2027-01-15'],
    ['46402', '2027-01-15'],
    [new Date(Date.UTC(2027, 0, 15)), '2027-01-15'],
    [
      '31-02-2027',
      'FOUT: Deze datum bestaat niet. Schrijf een datum als dd-mm-jjjj, bijvoorbeeld 15-01-2027.',
    ],
    ['morgen', 'FOUT: Schrijf een datum als dd-mm-jjjj, bijvoorbeeld 15-01-2027.'],
  ] as [string | number | Date, string][])('date: %j → %j', (raw, want) =>
    expect(value(parseDate(raw))).toBe(want),
  );

  it('Excel day 1 is 1900-01-01 (its leap-day bug before March 1900 aside)', () => {
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(45658)).toBe('2025-01-01');
  });

  it.each([
    ['24', { min: 24, max: 24 }],
    ['16-24', { min: 16, max: 24 }],
    ['16 tot 24 uur', { min: 16, max: 24 }],
    ['16 t/m 24', { min: 16, max: 24 }],
    ['12,5', { min: 13, max: 13 }],
    ['24-16', 'FOUT'],
    ['50', 'FOUT'],
  ])('hours: %j', (raw, want) => {
    const got = value(parseHours(raw));
    if (want === 'FOUT') expect(String(got)).toMatch(/^FOUT/);
    else expect(got).toEqual(want);
  });

  it.each([
    ['ma, di en wo', ['ma', 'di', 'wo']],
    ['maandag;woensdag', ['ma', 'wo']],
    ['Vrijdag, maandag', ['ma', 'vr']],
  ])('days: %j', (raw, want) =>
    expect(
      value(parseWords(raw, VOCABULARIES.day, 'dag', ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'])),
    ).toEqual(want),
  );

  it.each([
    ['Proefplaatsing', 'proefplaatsing'],
    ['gewone baan', 'regulier'],
    ['WEP', 'werkervaringsplaats'],
    ['Beschut werk', 'beschut_werk'],
  ])('arrangement: %j → %j', (raw, want) =>
    expect(value(parseWord(raw, VOCABULARIES.arrangement, 'soort plek'))).toBe(want),
  );

  it.each([
    ['OV', 'ov'],
    ['Openbaar vervoer', 'ov'],
    ['E-bike', 'ebike'],
    ['fiets', 'fiets'],
  ])('travel: %j → %j', (raw, want) =>
    expect(value(parseWord(raw, VOCABULARIES.travelMode, 'vervoer'))).toBe(want),
  );

  it.each([
    ['Bijstand', 'participatiewet'],
    ['Bijstand (Participatiewet)', 'participatiewet'],
    ['Wajong', 'wajong'],
    ['Geen uitkering', 'geen'],
  ])('benefit: %j → %j', (raw, want) =>
    expect(value(parseWord(raw, VOCABULARIES.benefitType, 'uitkering'))).toBe(want),
  );

  it.each([
    ['4', 4],
    ['trede 4', 4],
    ['onbetaald werk', 4],
    ['Geïsoleerd', 1],
    ['7', 'FOUT'],
  ])('ladder: %j', (raw, want) =>
    expect(String(value(parseLadderRung(raw)))).toMatch(new RegExp(`^${want}`)),
  );

  it.each([
    ['2', 'lifting', 2],
    ['licht tillen', 'lifting', 1],
    ['Altijd buiten', 'outdoor', 3],
  ] as const)('demand %j (%s) → %j', (raw, aspect, want) =>
    expect(value(parseDemand(raw, aspect))).toBe(want),
  );

  it.each([
    ['VCA, Heftruck', ['vca', 'heftruck']],
    ['VOL VCA', ['vol-vca']],
  ])('certificates: %j', (raw, want) => expect(value(parseCertificates(raw))).toEqual(want));

  it.each([
    ['12345678', '12345678'],
    ['1234567', '01234567'],
    ['1234 5678', '12345678'],
    ['123', 'FOUT: Een KvK-nummer heeft 8 cijfers.'],
  ])('KvK: %j → %j', (raw, want) => expect(value(parseKvk(raw))).toBe(want));

  it('werksoorten by code, name or synonym, accents and case ignored', () => {
    const words = werksoortVocabulary([
      { code: 'groen', name: 'Groen', synonyms: ['hovenier', 'tuinier'] },
      { code: 'catering', name: 'Catering', synonyms: ['horeca', 'keuken'] },
    ]);
    expect(value(parseWords('Hovenier, Horeca', words, 'werksoort'))).toEqual([
      'groen',
      'catering',
    ]);
    expect(String(value(parseWord('bouw', words, 'werksoort')))).toBe(
      'FOUT: Onbekende werksoort "bouw". Kies uit: groen, catering.',
    );
  });

  it.each([
    ['ochtend/middag', ['ochtend', 'middag']],
    ['a; b, c en d', ['a', 'b', 'c', 'd']],
  ])('splitList %j', (raw, want) => expect(splitList(raw)).toEqual(want));

  it.each([
    ['Jan Jansen', 'jan jansen', true],
    ['Zoë de Vries', 'Zoe de Vries', true],
    ['Voornaam0 Achternaam 0', 'Voornam0 Achternaam 0', true],
    ['Jan Jansen', 'Piet Jansen', false],
  ])('similar names %j ~ %j: %j', (a, b, want) => expect(similarNames(a, b)).toBe(want));

  it('edit distance', () => expect(editDistance('kitten', 'sitting')).toBe(3));
});
