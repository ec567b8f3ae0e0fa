/**
 * The columns of each kind's file: the Dutch header as people write it, other headers that mean the
 * same, whether it is required or protected, what to write, an example, and how a cell reads into the
 * record's field (and back, for the export). One table per kind: the template, the documentation,
 * the import and the export all come from it.
 */
import {
  type Arrangement,
  ARRANGEMENTS,
  type Day,
  DAYPARTS,
  type Daypart,
  DAYS,
  type DemandAspect,
  DEMAND_ASPECTS,
  INSTRUMENTS,
  LABELS,
} from '@werkbrug/domain';
import type { ImportKind, TemplateColumn } from './import.types';
import {
  formatDate,
  formatDecimal,
  formatHours,
  formatYesNo,
  normaliseWord,
  type Parsed,
  parseCertificates,
  parseDate,
  parseDecimal,
  parseDemand,
  parseEmail,
  parseHours,
  parseKvk,
  parseLadderRung,
  parsePhone,
  parsePostcode,
  parseWholeNumber,
  parseWord,
  parseWords,
  parseYesNo,
  VOCABULARIES,
  type Vocabulary,
  wordFor,
} from './values';

/** A cell as the readers hand it over: text, a number, a boolean or a date cell. */
export type Cell = string | number | boolean | Date;

/** What a parser may need beyond the cell: the werksoorten of this Werkbrug. */
export interface ParseContext {
  werksoorten: Vocabulary<string>;
  werksoortNames: ReadonlyMap<string, string>;
}

export interface ColumnDef extends TemplateColumn {
  /** The field of the flat record. */
  key: string;
  parse(cell: Cell, ctx: ParseContext): Parsed<unknown>;
  /** The cell the export writes for the field's value (null/undefined: empty). */
  format(value: unknown, ctx: ParseContext): string | number;
}

const text = (cell: Cell) =>
  cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim();

function plain(max: number): Pick<ColumnDef, 'parse' | 'format'> {
  return {
    parse: (cell) => {
      const value = text(cell);
      return value.length > max
        ? { ok: false, message: `Te lang: hooguit ${max} tekens.` }
        : { ok: true, value };
    },
    format: (v) => (v == null ? '' : String(v as string)),
  };
}
const fromText = <T>(
  parse: (raw: string) => Parsed<T>,
  format: (v: T) => string | number,
): Pick<ColumnDef, 'parse' | 'format'> => ({
  parse: (cell) => parse(text(cell)),
  format: (v) => (v == null ? '' : format(v as T)),
});
const yesNo = fromText(
  (raw) => (typeof raw === 'boolean' ? { ok: true, value: raw } : parseYesNo(raw)),
  formatYesNo,
);
const yesNoCell: Pick<ColumnDef, 'parse' | 'format'> = {
  parse: (cell) => (typeof cell === 'boolean' ? { ok: true, value: cell } : parseYesNo(text(cell))),
  format: yesNo.format,
};
const date: Pick<ColumnDef, 'parse' | 'format'> = {
  parse: (cell) => parseDate(typeof cell === 'boolean' ? String(cell) : cell),
  format: (v) => (v == null ? '' : formatDate(v as string)),
};
const number = (min: number, max: number, whole = true): Pick<ColumnDef, 'parse' | 'format'> => ({
  parse: (cell) => {
    if (whole) return parseWholeNumber(text(cell), min, max);
    const n = parseDecimal(text(cell));
    if (!n.ok) return n;
    return n.value < min || n.value > max
      ? { ok: false, message: `Schrijf een getal van ${min} tot en met ${max}.` }
      : n;
  },
  format: (v) => (v == null ? '' : formatDecimal(v as number)),
});
const words = <T extends string>(
  vocab: Vocabulary<T>,
  what: string,
  labels: Partial<Record<T, string>>,
  order?: readonly T[],
) =>
  fromText(
    (raw) => parseWords(raw, vocab, what, order),
    (v: T[]) => v.map((c) => wordFor(c, labels)).join(', '),
  );
const word = <T extends string>(
  vocab: Vocabulary<T>,
  what: string,
  labels: Partial<Record<T, string>>,
) =>
  fromText(
    (raw) => parseWord(raw, vocab, what),
    (v: T) => wordFor(v, labels),
  );
const demand = (aspect: DemandAspect) =>
  fromText(
    (raw) => parseDemand(raw, aspect),
    (v: number) => v,
  );
const coordinate = (min: number, max: number) => number(min, max, false);

type Spec = Omit<ColumnDef, 'synonyms' | 'required' | 'protected'> &
  Partial<Pick<ColumnDef, 'synonyms' | 'required' | 'protected'>>;
const col = (spec: Spec): ColumnDef => ({
  synonyms: [],
  required: false,
  protected: false,
  ...spec,
});

const DEMAND_HEADERS: Record<DemandAspect, [string, string[]]> = {
  lifting: ['Tillen', ['Tilwerk']],
  standing: ['Staan', ['Staan en lopen']],
  pace: ['Tempo', ['Werktempo']],
  stimuli: ['Prikkels', ['Drukte']],
  outdoor: ['Buiten', ['Buitenwerk']],
};
const demandColumns = (prefix: 'ability' | 'demand', help: string): ColumnDef[] =>
  DEMAND_ASPECTS.map((aspect) =>
    col({
      key: `${prefix}.${aspect}`,
      header: DEMAND_HEADERS[aspect][0],
      synonyms: DEMAND_HEADERS[aspect][1],
      help,
      example: '1',
      ...demand(aspect),
    }),
  );

const werksoorten = (many: boolean): Pick<ColumnDef, 'parse' | 'format'> => ({
  parse: (cell, ctx) =>
    many
      ? parseWords(text(cell), ctx.werksoorten, 'werksoort')
      : parseWord(text(cell), ctx.werksoorten, 'werksoort'),
  format: (v, ctx) =>
    v == null
      ? ''
      : (Array.isArray(v) ? (v as string[]) : [v as string])
          .map((code) => ctx.werksoortNames.get(code) ?? code)
          .join(', '),
});

const EXTERN_ID = col({
  key: 'externId',
  header: 'Extern ID',
  synonyms: ['Registratienummer', 'Klantnummer', 'Relatienummer', 'Vacaturenummer', 'ID'],
  help: 'Het nummer in uw eigen systeem. Met dit nummer herkent Werkbrug de rij bij een volgende import.',
  example: 'K-1001',
  ...plain(100),
});

/**
 * Where someone lives or works, the same five columns in every kind: address, postcode, place and
 * the coordinates (empty: the middle of the postcode); only the words around address and place
 * differ per kind.
 */
function locationColumns(words: {
  address: { synonyms: string[]; help: string; example: string };
  postcodeExample: string;
  place: { header: string; synonyms: string[] };
}): ColumnDef[] {
  return [
    col({ key: 'address', header: 'Adres', ...words.address, ...plain(200) }),
    col({
      key: 'postcode',
      header: 'Postcode',
      required: true,
      help: '1234 AB',
      example: words.postcodeExample,
      ...fromText(parsePostcode, (v: string) => v),
    }),
    col({
      key: 'place',
      ...words.place,
      help: 'Leeg: de plaats bij de postcode',
      example: 'Woerden',
      ...plain(100),
    }),
    col({
      key: 'lat',
      header: 'Breedtegraad',
      synonyms: ['Lat'],
      help: 'Leeg: het midden van de postcode',
      example: '',
      ...coordinate(50.75, 53.55),
    }),
    col({
      key: 'lng',
      header: 'Lengtegraad',
      synonyms: ['Lng', 'Lon'],
      help: 'Leeg: het midden van de postcode',
      example: '',
      ...coordinate(3.35, 7.25),
    }),
  ];
}

export const CANDIDATE_COLUMNS: readonly ColumnDef[] = [
  EXTERN_ID,
  col({
    key: 'firstName',
    header: 'Voornaam',
    synonyms: ['Roepnaam'],
    required: true,
    help: 'Tekst',
    example: 'Noor',
    ...plain(100),
  }),
  col({
    key: 'lastName',
    header: 'Achternaam',
    synonyms: ['Familienaam', 'Naam'],
    required: true,
    help: 'Tekst, met tussenvoegsel',
    example: 'Visser',
    ...plain(100),
  }),
  col({
    key: 'dateOfBirth',
    header: 'Geboortedatum',
    help: 'dd-mm-jjjj',
    example: '17-05-1990',
    ...date,
  }),
  col({
    key: 'email',
    header: 'E-mail',
    synonyms: ['E-mailadres', 'Email', 'Mail'],
    help: 'E-mailadres',
    example: 'noor@example.nl',
    ...fromText(parseEmail, (v: string) => v),
  }),
  col({
    key: 'phone',
    header: 'Telefoon',
    synonyms: ['Telefoonnummer', 'Mobiel', 'Mobiel nummer'],
    help: 'Telefoonnummer',
    example: '06-98765432',
    ...fromText(parsePhone, (v: string) => v),
  }),
  ...locationColumns({
    address: {
      synonyms: ['Straat en huisnummer', 'Straat'],
      help: 'Straat en huisnummer',
      example: 'Kerkstraat 1',
    },
    postcodeExample: '3441 AB',
    place: { header: 'Woonplaats', synonyms: ['Plaats'] },
  }),
  col({
    key: 'werkmakelaar',
    header: 'Werkmakelaar',
    synonyms: ['Consulent', 'Jobcoach', 'Klantmanager'],
    help: 'E-mailadres van de werkmakelaar; leeg: uzelf',
    example: '',
    ...fromText(parseEmail, (v: string) => v),
  }),
  col({
    key: 'werksoortWishes',
    header: 'Werksoort',
    synonyms: ['Werksoorten', 'Soort werk', 'Gewenst werk'],
    required: true,
    help: 'Namen van werksoorten, met komma’s',
    example: 'Groen, Productie',
    ...werksoorten(true),
  }),
  col({
    key: 'interests',
    header: 'Interesses',
    synonyms: ['Wensen', 'Wat wil de kandidaat graag'],
    help: 'Tekst',
    example: 'buiten werken met planten',
    ...plain(2000),
  }),
  col({
    key: 'hours',
    header: 'Uren per week',
    synonyms: ['Uren', 'Aantal uren'],
    required: true,
    help: '24 of 16-24',
    example: '16-24',
    ...fromText(parseHours, formatHours),
  }),
  col({
    key: 'days',
    header: 'Dagen',
    synonyms: ['Werkdagen', 'Beschikbare dagen'],
    required: true,
    help: 'ma, di, wo, do, vr, za, zo',
    example: 'ma, di, do',
    ...words<Day>(VOCABULARIES.day, 'dag', {}, DAYS),
  }),
  col({
    key: 'dayparts',
    header: 'Dagdelen',
    synonyms: ['Dagdeel'],
    required: true,
    help: 'ochtend, middag, avond, nacht',
    example: 'ochtend, middag',
    ...words<Daypart>(VOCABULARIES.daypart, 'dagdeel', LABELS.daypart, DAYPARTS),
  }),
  col({
    key: 'travelMode',
    header: 'Vervoer',
    synonyms: ['Reist met', 'Vervoermiddel'],
    required: true,
    help: 'lopen, fiets, ebike, ov of auto',
    example: 'fiets',
    ...word(VOCABULARIES.travelMode, 'vervoer', {}),
  }),
  col({
    key: 'maxTravelKm',
    header: 'Reisafstand km',
    synonyms: ['Reisafstand', 'Max reisafstand', 'Maximale reisafstand'],
    help: 'Kilometers, bijvoorbeeld 12,5',
    example: '12,5',
    ...number(0.5, 200, false),
  }),
  col({
    key: 'maxTravelMinutes',
    header: 'Reistijd minuten',
    synonyms: ['Reistijd', 'Max reistijd'],
    help: 'Minuten',
    example: '',
    ...number(1, 180),
  }),
  col({
    key: 'ladderRung',
    header: 'Participatieladder',
    synonyms: ['Trede', 'Ladder', 'Trede participatieladder'],
    required: true,
    help: '1 tot en met 6',
    example: '4',
    ...fromText(parseLadderRung, (v: number) => v),
  }),
  col({
    key: 'ladderMeasuredOn',
    header: 'Trede gemeten op',
    synonyms: ['Datum trede', 'Ladder gemeten op'],
    help: 'dd-mm-jjjj; leeg: vandaag',
    example: '01-10-2026',
    ...date,
  }),
  col({
    key: 'route',
    header: 'Route',
    required: true,
    help: 'werk, participatie, jongeren, banenafspraak of inburgering',
    example: 'werk',
    ...word(VOCABULARIES.route, 'route', {}),
  }),
  col({
    key: 'arrangements',
    header: 'Soort plek',
    synonyms: ['Plaatsingsvorm', 'Plaatsingsvormen', 'Arrangementen', 'Soort plekken'],
    help: 'Leeg: wat bij de trede past',
    example: 'proefplaatsing, werkervaringsplaats',
    ...words<Arrangement>(VOCABULARIES.arrangement, 'soort plek', LABELS.arrangement, ARRANGEMENTS),
  }),
  col({
    key: 'certificates',
    header: 'Certificaten',
    synonyms: ['Diploma’s', 'Diplomas', 'Certificaat'],
    help: 'Met komma’s',
    example: 'VCA, heftruck',
    ...fromText(parseCertificates, (v: string[]) => v.join(', ')),
  }),
  col({
    key: 'languageLevel',
    header: 'Taalniveau',
    synonyms: ['Niveau Nederlands', 'Taal'],
    help: 'geen, A1, A2, B1, B2, C1 of C2',
    example: 'A2',
    ...fromText(
      (raw) => parseWord(raw, VOCABULARIES.languageLevel, 'taalniveau'),
      (v: string) => v,
    ),
  }),
  ...demandColumns('ability', 'Wat de kandidaat aankan: 0 tot en met 3; leeg: 3'),
  col({
    key: 'needsJobcoach',
    header: 'Jobcoach nodig',
    help: 'ja of nee',
    example: 'nee',
    ...yesNoCell,
  }),
  col({
    key: 'needsBuddy',
    header: 'Buddy nodig',
    help: 'ja of nee',
    example: 'nee',
    ...yesNoCell,
  }),
  col({
    key: 'needsWheelchairAccess',
    header: 'Rolstoel',
    synonyms: ['Rolstoeltoegankelijk nodig', 'Rolstoelgebruiker'],
    help: 'ja of nee',
    example: 'nee',
    ...yesNoCell,
  }),
  col({
    key: 'trajectoryEndedOn',
    header: 'Einde traject',
    synonyms: ['Einddatum traject'],
    help: 'dd-mm-jjjj',
    example: '',
    ...date,
  }),
  col({
    key: 'benefitType',
    header: 'Uitkering',
    synonyms: ['Soort uitkering'],
    protected: true,
    help: 'bijstand, wajong, wia, ww, ziektewet, ioaw, geen of overig',
    example: 'bijstand',
    ...word(VOCABULARIES.benefitType, 'uitkering', {}),
  }),
  col({
    key: 'banenafspraak',
    header: 'Banenafspraak',
    synonyms: ['Doelgroep banenafspraak', 'Indicatie banenafspraak'],
    protected: true,
    help: 'ja of nee',
    example: 'nee',
    ...yesNoCell,
  }),
  col({
    key: 'loonwaardePct',
    header: 'Loonwaarde',
    synonyms: ['Loonwaarde %', 'Loonwaarde procent'],
    protected: true,
    help: 'Procent, 0 tot en met 100',
    example: '60',
    ...number(0, 100),
  }),
  col({
    key: 'notes',
    header: 'Notities',
    synonyms: ['Opmerkingen', 'Aantekeningen'],
    protected: true,
    help: 'Tekst',
    example: '',
    ...plain(10_000),
  }),
];

export const EMPLOYER_COLUMNS: readonly ColumnDef[] = [
  EXTERN_ID,
  col({
    key: 'name',
    header: 'Naam',
    synonyms: ['Bedrijfsnaam', 'Werkgever', 'Organisatie'],
    required: true,
    help: 'Tekst',
    example: 'Lunchroom De Kaasmarkt',
    ...plain(200),
  }),
  col({
    key: 'kvkNumber',
    header: 'KvK-nummer',
    synonyms: ['KvK', 'Kamer van Koophandel', 'KvK nummer'],
    required: true,
    help: '8 cijfers',
    example: '12345678',
    ...fromText(parseKvk, (v: string) => v),
  }),
  col({
    key: 'sbiCode',
    header: 'SBI-code',
    synonyms: ['SBI'],
    help: '2 tot 5 cijfers',
    example: '5610',
    ...fromText(
      (raw) =>
        /^[0-9]{2,5}$/.test(raw)
          ? { ok: true, value: raw }
          : { ok: false, message: 'Een SBI-code heeft 2 tot 5 cijfers.' },
      (v: string) => v,
    ),
  }),
  col({
    key: 'sbiVersion',
    header: 'SBI-versie',
    help: '2008 of 2025',
    example: '2008',
    ...fromText(
      (raw) =>
        raw === '2008' || raw === '2025'
          ? { ok: true, value: raw }
          : { ok: false, message: 'Schrijf 2008 of 2025.' },
      (v: string) => v,
    ),
  }),
  col({
    key: 'contactName',
    header: 'Contactpersoon',
    help: 'Naam',
    example: 'Marieke de Graaf',
    ...plain(120),
  }),
  col({
    key: 'contactEmail',
    header: 'E-mail contactpersoon',
    synonyms: ['E-mail', 'E-mailadres'],
    help: 'E-mailadres',
    example: 'info@example.nl',
    ...fromText(parseEmail, (v: string) => v),
  }),
  col({
    key: 'contactPhone',
    header: 'Telefoon contactpersoon',
    synonyms: ['Telefoon', 'Telefoonnummer'],
    help: 'Telefoonnummer',
    example: '0348-123456',
    ...fromText(parsePhone, (v: string) => v),
  }),
  col({
    key: 'region',
    header: 'Regio',
    synonyms: ['Gemeenten'],
    help: 'Gemeenten met komma’s; leeg: de regio van uw organisatie',
    example: '',
    ...plain(200),
  }),
  ...locationColumns({
    address: {
      synonyms: ['Vestigingsadres', 'Straat en huisnummer'],
      help: 'Eén vestiging per rij; meer vestigingen: meer rijen met hetzelfde Extern ID',
      example: 'Kaasmarkt 3',
    },
    postcodeExample: '3441 BL',
    place: { header: 'Plaats', synonyms: ['Vestigingsplaats', 'Woonplaats'] },
  }),
];

export const WORKPLACE_COLUMNS: readonly ColumnDef[] = [
  EXTERN_ID,
  col({
    key: 'employerKvk',
    header: 'KvK-nummer werkgever',
    synonyms: ['KvK', 'KvK-nummer', 'Werkgever KvK'],
    required: true,
    help: 'De werkgever moet al in Werkbrug staan (importeer eerst werkgevers)',
    example: '12345678',
    ...fromText(parseKvk, (v: string) => v),
  }),
  col({
    key: 'title',
    header: 'Functie',
    synonyms: ['Titel', 'Naam werkplek', 'Functienaam', 'Werkplek'],
    required: true,
    help: 'Tekst',
    example: 'Medewerker lunchroom',
    ...plain(200),
  }),
  col({
    key: 'werksoort',
    header: 'Werksoort',
    synonyms: ['Soort werk'],
    required: true,
    help: 'Naam van een werksoort',
    example: 'Catering',
    ...werksoorten(false),
  }),
  col({
    key: 'description',
    header: 'Omschrijving',
    synonyms: ['Beschrijving', 'Toelichting'],
    help: 'Tekst',
    example: 'Broodjes smeren en afwassen',
    ...plain(10_000),
  }),
  ...locationColumns({
    address: {
      synonyms: ['Straat en huisnummer'],
      help: 'Straat en huisnummer',
      example: 'Kaasmarkt 3',
    },
    postcodeExample: '3441 BL',
    place: { header: 'Plaats', synonyms: ['Werkplaats', 'Standplaats'] },
  }),
  col({
    key: 'arrangements',
    header: 'Soort plek',
    synonyms: ['Plaatsingsvorm', 'Plaatsingsvormen', 'Arrangementen'],
    required: true,
    help: 'Bijvoorbeeld proefplaatsing, werkervaringsplaats, gewone baan',
    example: 'proefplaatsing',
    ...words<Arrangement>(VOCABULARIES.arrangement, 'soort plek', LABELS.arrangement, ARRANGEMENTS),
  }),
  col({
    key: 'hours',
    header: 'Uren per week',
    synonyms: ['Uren', 'Aantal uren'],
    required: true,
    help: '24 of 16-24',
    example: '16-24',
    ...fromText(parseHours, formatHours),
  }),
  col({
    key: 'workingDays',
    header: 'Werkdagen',
    synonyms: ['Dagen'],
    required: true,
    help: 'ma, di, wo, do, vr, za, zo',
    example: 'ma, di, wo, do, vr',
    ...words<Day>(VOCABULARIES.day, 'dag', {}, DAYS),
  }),
  col({
    key: 'dayparts',
    header: 'Dagdelen',
    synonyms: ['Dagdeel'],
    required: true,
    help: 'ochtend, middag, avond, nacht',
    example: 'ochtend, middag',
    ...words<Daypart>(VOCABULARIES.daypart, 'dagdeel', LABELS.daypart, DAYPARTS),
  }),
  col({
    key: 'hoursAdjustable',
    header: 'Uren aanpasbaar',
    synonyms: ['Aangepaste uren mogelijk'],
    help: 'ja of nee',
    example: 'ja',
    ...yesNoCell,
  }),
  col({
    key: 'hoursAdjustmentNote',
    header: 'Toelichting uren',
    help: 'Tekst',
    example: '',
    ...plain(500),
  }),
  col({
    key: 'requiredCertificates',
    header: 'Verplichte certificaten',
    synonyms: ['Vereiste certificaten'],
    help: 'Met komma’s',
    example: '',
    ...fromText(parseCertificates, (v: string[]) => v.join(', ')),
  }),
  col({
    key: 'desiredCertificates',
    header: 'Gewenste certificaten',
    help: 'Met komma’s',
    example: 'HACCP',
    ...fromText(parseCertificates, (v: string[]) => v.join(', ')),
  }),
  col({
    key: 'minLanguageLevel',
    header: 'Taalniveau',
    synonyms: ['Minimaal taalniveau'],
    help: 'geen, A1, A2, B1, B2, C1 of C2',
    example: 'A2',
    ...fromText(
      (raw) => parseWord(raw, VOCABULARIES.languageLevel, 'taalniveau'),
      (v: string) => v,
    ),
  }),
  ...demandColumns('demand', 'Wat het werk vraagt: 0 tot en met 3; leeg: 0'),
  col({
    key: 'jobcoachWelcome',
    header: 'Jobcoach welkom',
    help: 'ja of nee',
    example: 'ja',
    ...yesNoCell,
  }),
  col({
    key: 'buddyAvailable',
    header: 'Buddy aanwezig',
    help: 'ja of nee',
    example: 'nee',
    ...yesNoCell,
  }),
  col({
    key: 'wheelchairAccessible',
    header: 'Rolstoeltoegankelijk',
    help: 'ja of nee',
    example: 'nee',
    ...yesNoCell,
  }),
  col({
    key: 'places',
    header: 'Aantal plekken',
    synonyms: ['Plekken', 'Aantal'],
    help: '1 tot en met 500; leeg: 1',
    example: '2',
    ...number(1, 500),
  }),
  col({
    key: 'startDate',
    header: 'Startdatum',
    synonyms: ['Begindatum'],
    help: 'dd-mm-jjjj',
    example: '01-02-2027',
    ...date,
  }),
  col({
    key: 'status',
    header: 'Status',
    help: 'open, gepauzeerd, vol of gesloten; leeg: open',
    example: 'open',
    ...word(VOCABULARIES.vacancyStatus, 'status', LABELS.vacancyStatus),
  }),
  col({
    key: 'instruments',
    header: 'Instrumenten',
    synonyms: ['Regelingen'],
    help: 'Bijvoorbeeld loonkostensubsidie, jobcoaching',
    example: '',
    ...fromText(
      (raw) => parseWords(raw, VOCABULARIES.instrument, 'instrument', INSTRUMENTS),
      (v: string[]) => v.join(', '),
    ),
  }),
];

export const COLUMNS: Record<ImportKind, readonly ColumnDef[]> = {
  candidates: CANDIDATE_COLUMNS,
  employers: EMPLOYER_COLUMNS,
  workplaces: WORKPLACE_COLUMNS,
};

/** The template's columns as the public shape gives them (no functions). */
export const templateColumns = (kind: ImportKind): TemplateColumn[] =>
  COLUMNS[kind].map(({ header, synonyms, required, protected: isProtected, help, example }) => ({
    header,
    synonyms,
    required,
    protected: isProtected,
    help,
    example,
  }));

export interface HeaderMatch {
  /** Column index in the file → the column it is. */
  byIndex: Map<number, ColumnDef>;
  /** Headers that are no column of this kind (and were not mapped). */
  unknown: string[];
  /** Required columns the file lacks. */
  missing: ColumnDef[];
  /** Headers that name a column a second time. */
  repeated: string[];
  /** Mapping entries naming no column of this kind. */
  badMapping: string[];
}

/**
 * Which file column is which: headers matched to the kind's headers and synonyms case- and
 * accent-insensitively, first through the explicit mapping ("Mijn kolom" → "Voornaam").
 */
export function matchHeaders(
  kind: ImportKind,
  headers: readonly string[],
  mapping: Record<string, string> = {},
): HeaderMatch {
  const columns = COLUMNS[kind];
  const byWord = new Map<string, ColumnDef>();
  // Synonyms first, so a column's own header wins where a word is both (e.g. "KvK").
  for (const c of columns)
    for (const s of c.synonyms) if (!byWord.has(normaliseWord(s))) byWord.set(normaliseWord(s), c);
  for (const c of columns) byWord.set(normaliseWord(c.header), c);
  const mapped = new Map<string, ColumnDef>();
  const badMapping: string[] = [];
  for (const [from, to] of Object.entries(mapping)) {
    const target = byWord.get(normaliseWord(to));
    if (target) mapped.set(normaliseWord(from), target);
    else badMapping.push(to);
  }
  const byIndex = new Map<number, ColumnDef>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  const taken = new Set<string>();
  headers.forEach((header, index) => {
    const word = normaliseWord(header);
    if (!word) return;
    const column = mapped.get(word) ?? byWord.get(word);
    if (!column) unknown.push(header);
    else if (taken.has(column.key)) repeated.push(header);
    else {
      taken.add(column.key);
      byIndex.set(index, column);
    }
  });
  const missing = columns.filter((c) => c.required && !taken.has(c.key));
  return { byIndex, unknown, missing, repeated, badMapping };
}
