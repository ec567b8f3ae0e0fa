import type { Arrangement } from '@werkbrug/domain';
import type { TitleSpec, WerksoortCode } from './demo-werksoorten';

type Weighted<T> = readonly (readonly [T, number])[];

/** A kind of regional employer: what it is called, its SBI codes and which werksoorten it offers. */
export interface Sector {
  key: string;
  /** SBI 2008 activity codes (CBS). */
  sbi: readonly string[];
  /** How common such employers are in the demo. */
  weight: number;
  werksoorten: Weighted<WerksoortCode>;
  /** Name templates: {surname}, {place} and {word} (a local word such as 'De Linde'). */
  names: readonly string[];
  /** Job titles that fit this sector better than the general ones of the werksoort. */
  titles?: Partial<Record<WerksoortCode, readonly TitleSpec[]>>;
  /** Tasks that only make sense in this sector; they replace the werksoort's general tasks. */
  tasks?: Partial<Record<WerksoortCode, readonly string[]>>;
  /** Certificates this sector asks for instead of the werksoort's usual ones. */
  certificates?: readonly string[];
  /** On a business park rather than in a town street. */
  businessPark: boolean;
  /** Works for public clients, so social return (SROI) places are common. */
  sroi: boolean;
  /** Extra arrangements that are common in the sector (volunteers in care, sheltered work in green). */
  extraArrangements?: Weighted<readonly Arrangement[]>;
}

const SHELTERED: Weighted<readonly Arrangement[]> = [
  [['beschut_werk'], 10],
  [['groepsdetachering'], 8],
  [['beschut_werk', 'groepsdetachering'], 3],
];
const VOLUNTEERS: Weighted<readonly Arrangement[]> = [
  [['vrijwilligerswerk'], 18],
  [['vrijwilligerswerk', 'werkervaringsplaats'], 8],
];

export const SECTORS: readonly Sector[] = [
  {
    key: 'hovenier',
    sbi: ['8130'],
    weight: 10,
    werksoorten: [
      ['groen', 9],
      ['logistiek', 1],
    ],
    names: [
      'Hoveniersbedrijf {surname}',
      '{surname} Groen',
      'Groenvoorziening {place}',
      'Tuinen van {surname}',
      'Boomverzorging {surname}',
      'Groenbedrijf {word}',
    ],
    businessPark: true,
    sroi: true,
    extraArrangements: SHELTERED,
  },
  {
    key: 'kwekerij',
    sbi: ['0130', '4776'],
    weight: 5,
    werksoorten: [
      ['groen', 7],
      ['logistiek', 2],
      ['catering', 1],
    ],
    names: [
      'Kwekerij {surname}',
      'Tuincentrum {word}',
      'Boomkwekerij {surname}',
      'Plantenkwekerij {word}',
    ],
    businessPark: false,
    sroi: false,
    extraArrangements: SHELTERED,
  },
  {
    key: 'schoonmaak',
    sbi: ['8121', '8122'],
    weight: 10,
    werksoorten: [['schoonmaak', 1]],
    names: [
      'Schoonmaakbedrijf {surname}',
      '{surname} Schoonmaak',
      'Schoonmaakdiensten {place}',
      'Glazenwassersbedrijf {surname}',
      '{surname} Facilitaire Diensten',
      'Schoonmaakbedrijf {word}',
    ],
    businessPark: true,
    sroi: true,
    extraArrangements: [[['groepsdetachering'], 4]],
  },
  {
    key: 'logistiek',
    sbi: ['5210', '4941', '4690'],
    weight: 10,
    werksoorten: [
      ['logistiek', 8],
      ['administratief', 1],
      ['productie', 1],
    ],
    names: [
      'Distributiecentrum {place}',
      '{surname} Logistiek',
      'Transportbedrijf {surname}',
      '{word} Distributie',
      'Opslag en Overslag {place}',
      '{surname} Warehousing',
    ],
    businessPark: true,
    sroi: false,
  },
  {
    key: 'kaasmakerij',
    sbi: ['1051', '4633'],
    weight: 5,
    werksoorten: [
      ['productie', 7],
      ['logistiek', 2],
      ['schoonmaak', 1],
    ],
    names: [
      'Kaasmakerij {surname}',
      'Kaasboerderij {word}',
      'Kaashandel {surname}',
      'Zuivelfabriek {place}',
      'Boerenkaas {surname}',
    ],
    titles: {
      productie: [
        { title: 'Medewerker kaasmakerij' },
        { title: 'Kaaskeerder' },
        { title: 'Inpakker kaas' },
        { title: 'Medewerker kaaspakhuis' },
      ],
    },
    certificates: ['haccp'],
    businessPark: false,
    sroi: false,
  },
  {
    key: 'bakkerij',
    sbi: ['1071'],
    weight: 4,
    werksoorten: [
      ['productie', 7],
      ['logistiek', 2],
      ['catering', 1],
    ],
    names: ['Bakkerij {surname}', 'Banketbakkerij {surname}', 'Brood en Banket {place}'],
    titles: {
      productie: [
        { title: 'Medewerker bakkerij' },
        { title: 'Inpakker bakkerij' },
        { title: 'Productiemedewerker brood en banket' },
      ],
    },
    certificates: ['haccp'],
    businessPark: true,
    sroi: false,
  },
  {
    key: 'zorg',
    sbi: ['8710', '8730', '8899'],
    weight: 10,
    werksoorten: [
      ['catering', 4],
      ['schoonmaak', 3],
      ['administratief', 2],
      ['groen', 1],
      ['personenvervoer', 1],
    ],
    names: [
      'Zorgcentrum {word}',
      'Woonzorgcentrum {word}',
      'Stichting Zorg {place}',
      'Zorgboerderij {word}',
      'Verpleeghuis {word}',
    ],
    titles: {
      catering: [
        { title: 'Medewerker restaurant zorgcentrum' },
        { title: 'Gastvrouw of gastheer zorg' },
        { title: 'Keukenhulp zorg' },
      ],
      schoonmaak: [
        { title: 'Huishoudelijk medewerker zorg' },
        { title: 'Schoonmaker zorgcentrum' },
      ],
      groen: [{ title: 'Medewerker tuin zorgboerderij' }, { title: 'Medewerker dieren en tuin' }],
      administratief: [{ title: 'Medewerker receptie zorgcentrum' }],
    },
    tasks: {
      catering: [
        'Je schenkt koffie en thee voor de bewoners.',
        'Je dekt de tafels en helpt bij de warme maaltijd.',
        'Je maakt een praatje met de bewoners.',
        'Je ruimt de tafels af en zet de vaatwasser aan.',
      ],
    },
    businessPark: false,
    sroi: false,
    extraArrangements: VOLUNTEERS,
  },
  {
    key: 'supermarkt',
    sbi: ['4711'],
    weight: 8,
    werksoorten: [
      ['logistiek', 6],
      ['catering', 2],
      ['schoonmaak', 1],
    ],
    names: [
      'Supermarkt {surname} {place}',
      'Buurtsuper {word}',
      'Versmarkt {surname}',
      '{surname} Supermarkt',
    ],
    titles: {
      logistiek: [
        { title: 'Vakkenvuller' },
        { title: 'Medewerker vulploeg' },
        { title: 'Medewerker magazijn supermarkt' },
      ],
      catering: [{ title: 'Medewerker versafdeling' }, { title: 'Medewerker broodafdeling' }],
    },
    tasks: {
      logistiek: [
        'Je vult de schappen en kijkt naar de houdbaarheidsdatum.',
        'Je zet de producten netjes naar voren.',
        'Je pakt rolcontainers uit en ruimt de dozen op.',
        'Je helpt klanten die iets zoeken.',
        'Je werkt in de vroege ochtend, voor de winkel opengaat.',
      ],
      catering: [
        'Je snijdt kaas en vleeswaren voor klanten.',
        'Je bakt brood af en legt het in de schappen.',
        'Je vult de koeling met verse producten.',
        'Je houdt de afdeling schoon.',
      ],
    },
    businessPark: false,
    sroi: false,
  },
  {
    key: 'horeca',
    sbi: ['5610', '5630', '5510'],
    weight: 8,
    werksoorten: [
      ['catering', 9],
      ['schoonmaak', 1],
    ],
    names: [
      'Eetcafé {word}',
      'Restaurant {word}',
      'Lunchroom {word}',
      'Hotel {word}',
      'Brasserie {word}',
      'Pannenkoekenhuis {word}',
    ],
    businessPark: false,
    sroi: false,
  },
  {
    key: 'drukkerij',
    sbi: ['1812', '1813'],
    weight: 3,
    werksoorten: [
      ['productie', 8],
      ['logistiek', 2],
    ],
    names: ['Drukkerij {surname}', 'Grafisch Bedrijf {place}', '{surname} Print en Afwerking'],
    titles: {
      productie: [
        { title: 'Medewerker afwerking drukkerij' },
        { title: 'Assistent drukker' },
        { title: 'Inpakker drukwerk' },
      ],
    },
    certificates: ['heftruck'],
    businessPark: true,
    sroi: false,
  },
  {
    key: 'metaal',
    sbi: ['2562', '2511', '2599'],
    weight: 5,
    werksoorten: [
      ['productie', 8],
      ['logistiek', 2],
    ],
    names: [
      'Metaalbewerking {surname}',
      '{surname} Staalbouw',
      'Constructiebedrijf {place}',
      'Machinefabriek {surname}',
      '{surname} Plaatwerk',
    ],
    titles: {
      productie: [
        { title: 'Medewerker metaalbewerking' },
        { title: 'Assistent lasser' },
        { title: 'Productiemedewerker metaal' },
        { title: 'Medewerker poedercoaten' },
        { title: 'Medewerker ontbramen' },
      ],
    },
    certificates: ['vca', 'heftruck'],
    businessPark: true,
    sroi: false,
  },
  {
    key: 'vervoer',
    sbi: ['4932', '4939'],
    weight: 6,
    werksoorten: [
      ['personenvervoer', 9],
      ['administratief', 1],
    ],
    names: [
      'Taxibedrijf {surname}',
      'Zorgvervoer {place}',
      '{surname} Personenvervoer',
      'Taxi {place}',
    ],
    titles: {
      administratief: [{ title: 'Medewerker planning en telefoon' }],
    },
    businessPark: true,
    sroi: true,
  },
  {
    key: 'kantoor',
    sbi: ['6920', '6622', '8211'],
    weight: 5,
    werksoorten: [
      ['administratief', 9],
      ['schoonmaak', 1],
    ],
    names: [
      'Administratiekantoor {surname}',
      'Accountantskantoor {surname}',
      'Assurantiekantoor {surname}',
      '{surname} Administratie',
    ],
    businessPark: false,
    sroi: false,
  },
  {
    key: 'kringloop',
    sbi: ['4779', '3832'],
    weight: 4,
    werksoorten: [
      ['logistiek', 5],
      ['productie', 3],
      ['catering', 1],
    ],
    names: ['Kringloopwinkel {word}', 'Recyclingbedrijf {place}', 'Kringloop {place}'],
    titles: {
      productie: [
        { title: 'Medewerker sorteren kringloop' },
        { title: 'Medewerker fietsenwerkplaats' },
      ],
      logistiek: [{ title: 'Medewerker ophaaldienst' }, { title: 'Medewerker winkel en magazijn' }],
    },
    businessPark: true,
    sroi: false,
    extraArrangements: [...VOLUNTEERS, ...SHELTERED],
  },
  {
    key: 'sport',
    sbi: ['9311'],
    weight: 3,
    werksoorten: [
      ['schoonmaak', 5],
      ['catering', 3],
      ['groen', 2],
    ],
    names: ['Sportcentrum {word}', 'Zwembad {word}', 'Sportpark {word}'],
    businessPark: false,
    sroi: false,
    extraArrangements: VOLUNTEERS,
  },
];
