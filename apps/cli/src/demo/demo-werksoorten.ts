import type { Daypart, LanguageLevel } from '@werkbrug/domain';

/** The seven seed werksoorten the demo builds on (seeded by the werksoorten library). */
export const WERKSOORT_CODES = [
  'productie',
  'groen',
  'schoonmaak',
  'logistiek',
  'administratief',
  'catering',
  'personenvervoer',
] as const;
export type WerksoortCode = (typeof WERKSOORT_CODES)[number];

export type Range = readonly [min: number, max: number];
type Weighted<T> = readonly (readonly [T, number])[];

export interface TitleSpec {
  title: string;
  /** Certificates this job cannot do without (a chauffeur needs a driving licence). */
  required?: readonly string[];
}

/** What a werksoort typically asks of a person, and the words to describe it. */
export interface WerksoortProfile {
  titles: readonly TitleSpec[];
  tasks: readonly string[];
  asks: readonly string[];
  /** Demand ranges on the 0–3 scale: lifting, standing, pace, stimuli, outdoor. */
  demands: { lifting: Range; standing: Range; pace: Range; stimuli: Range; outdoor: Range };
  /** Certificates a vacancy may require (one is picked now and then) or find nice to have. */
  certificates: readonly string[];
  desired: readonly string[];
  language: Weighted<LanguageLevel>;
  /** Chance that the work includes weekend days, and the usual dayparts. */
  weekend: number;
  dayparts: Weighted<readonly Daypart[]>;
  /** How candidates who like this work describe it. */
  interests: readonly string[];
}

export const WERKSOORT_PROFILES: Readonly<Record<WerksoortCode, WerksoortProfile>> = {
  groen: {
    titles: [
      { title: 'Medewerker groenonderhoud' },
      { title: 'Assistent hovenier' },
      { title: 'Hovenier in opleiding' },
      { title: 'Medewerker buitendienst groen' },
      { title: 'Medewerker kwekerij' },
      { title: 'Medewerker natuurbeheer' },
    ],
    tasks: [
      'Je maait gras en houdt de perken netjes.',
      'Je snoeit struiken en hagen.',
      'Je haalt onkruid weg in parken en tuinen.',
      'In de herfst ruim je bladeren op.',
      'Je helpt bij het planten van bomen, struiken en bloemen.',
      'Je werkt met een bosmaaier, heggenschaar of bladblazer.',
      'Je legt tuinpaden en terrassen aan samen met een hovenier.',
      'Je verpot planten en geeft ze water in de kas.',
      'Je houdt slootkanten en wandelpaden in de polder bij.',
    ],
    asks: [
      'Je werkt graag buiten, ook als het regent of koud is.',
      'Je kunt de hele dag in beweging zijn.',
      'Je werkt graag in een vaste ploeg.',
      'Je hebt oog voor een nette tuin.',
    ],
    demands: { lifting: [2, 3], standing: [2, 3], pace: [1, 2], stimuli: [0, 1], outdoor: [2, 3] },
    certificates: ['kettingzaag', 'spuitlicentie', 'vca', 'rijbewijs-b'],
    desired: ['vca', 'rijbewijs-b', 'kettingzaag', 'ehbo'],
    language: [
      ['geen', 4],
      ['A1', 3],
      ['A2', 3],
      ['B1', 1],
    ],
    weekend: 0.05,
    dayparts: [
      [['ochtend', 'middag'], 7],
      [['ochtend'], 3],
    ],
    interests: [
      'buiten werken met planten',
      'tuinieren',
      'werken in de natuur',
      'snoeien en maaien',
      'bomen en bloemen',
      'werken in een kas',
      'lekker buiten bezig zijn',
    ],
  },
  productie: {
    titles: [
      { title: 'Inpakker productie' },
      { title: 'Productiemedewerker' },
      { title: 'Medewerker assemblage' },
      { title: 'Machineoperator in opleiding' },
      { title: 'Medewerker sorteren en inpakken' },
      { title: 'Medewerker montage' },
    ],
    tasks: [
      'Je pakt producten in dozen en plakt er een etiket op.',
      'Je controleert of de producten goed zijn.',
      'Je zet onderdelen in elkaar volgens een vaste werkinstructie.',
      'Je vult de machine bij en houdt in de gaten of alles goed loopt.',
      'Je sorteert producten op kleur, maat of soort.',
      'Je houdt je werkplek schoon en opgeruimd.',
      'Je werkt aan een lopende band met vaste handelingen.',
      'Je telt en weegt producten en schrijft dit op een lijst.',
    ],
    asks: [
      'Je kunt nauwkeurig werken.',
      'Je vindt het prettig om steeds hetzelfde werk te doen.',
      'Je houdt je aan de regels voor hygiëne en veiligheid.',
      'Je werkt graag met je handen.',
    ],
    demands: { lifting: [1, 2], standing: [2, 3], pace: [1, 3], stimuli: [1, 2], outdoor: [0, 0] },
    certificates: ['vca', 'heftruck', 'haccp'],
    desired: ['vca', 'heftruck', 'bhv'],
    language: [
      ['geen', 5],
      ['A1', 3],
      ['A2', 3],
    ],
    weekend: 0.1,
    dayparts: [
      [['ochtend', 'middag'], 6],
      [['ochtend'], 2],
      [['middag', 'avond'], 2],
    ],
    interests: [
      'met mijn handen werken',
      'inpakken en sorteren',
      'werken aan een lopende band',
      'iets maken',
      'techniek en machines',
      'vaste handelingen en een duidelijke taak',
    ],
  },
  schoonmaak: {
    titles: [
      { title: 'Schoonmaker kantoren' },
      { title: 'Medewerker schoonmaak' },
      { title: 'Schoonmaker scholen' },
      { title: 'Medewerker interieurverzorging' },
      { title: 'Glazenwasser in opleiding' },
      { title: 'Schoonmaker sporthal' },
    ],
    tasks: [
      'Je maakt kantoren, toiletten en kantines schoon.',
      'Je stofzuigt en dweilt de vloeren.',
      'Je leegt prullenbakken en vult zeep en papier bij.',
      'Je werkt met een vaste lijst, zo weet je precies wat je moet doen.',
      'Je maakt ramen en deuren schoon.',
      'Je werkt met een schrobmachine in grote ruimtes.',
      'Je werkt vroeg in de ochtend of aan het eind van de dag, als het gebouw leeg is.',
    ],
    asks: [
      'Je werkt netjes en precies.',
      'Je kunt zelfstandig werken.',
      'Je bent betrouwbaar: je werkt vaak in een leeg gebouw.',
      'Je bent op tijd.',
    ],
    demands: { lifting: [1, 1], standing: [2, 3], pace: [1, 2], stimuli: [0, 1], outdoor: [0, 1] },
    certificates: ['vca'],
    desired: ['vca', 'bhv'],
    language: [
      ['geen', 5],
      ['A1', 3],
      ['A2', 2],
    ],
    weekend: 0.1,
    dayparts: [
      [['ochtend'], 4],
      [['middag', 'avond'], 3],
      [['avond'], 2],
      [['ochtend', 'middag'], 2],
    ],
    interests: [
      'schoonmaken en opruimen',
      'alles netjes maken',
      'zelfstandig werken',
      'vroeg beginnen',
      'werken als het rustig is',
    ],
  },
  logistiek: {
    titles: [
      { title: 'Magazijnmedewerker' },
      { title: 'Orderpicker' },
      { title: 'Medewerker expeditie' },
      { title: 'Vakkenvuller' },
      { title: 'Heftruckchauffeur', required: ['heftruck'] },
      { title: 'Bijrijder bezorging' },
      { title: 'Chauffeur bezorging', required: ['rijbewijs-c', 'code95'] },
    ],
    tasks: [
      'Je verzamelt bestellingen met een scanner.',
      'Je laadt en lost vrachtwagens.',
      'Je zet goederen op de juiste plek in het magazijn.',
      'Je pakt bestellingen in en maakt ze klaar voor verzending.',
      'Je plakt verzendlabels en zet de pakketten klaar voor de vrachtwagen.',
      'Je telt de voorraad en meldt wat op is.',
      'Je rijdt met een elektrische pallettruck.',
      'Je helpt de chauffeur met het afleveren van pakketten.',
    ],
    asks: [
      'Je kunt tegen fysiek werk.',
      'Je werkt nauwkeurig: de juiste bestelling moet naar de juiste klant.',
      'Je kunt in een hoog tempo werken.',
      'Je werkt graag samen in een team.',
    ],
    demands: { lifting: [2, 3], standing: [2, 3], pace: [2, 3], stimuli: [1, 2], outdoor: [0, 1] },
    certificates: ['heftruck', 'reachtruck', 'vca'],
    desired: ['heftruck', 'vca', 'rijbewijs-b', 'bhv'],
    language: [
      ['geen', 3],
      ['A1', 3],
      ['A2', 4],
      ['B1', 1],
    ],
    weekend: 0.2,
    dayparts: [
      [['ochtend', 'middag'], 6],
      [['ochtend'], 2],
      [['avond'], 1],
      [['avond', 'nacht'], 1],
    ],
    interests: [
      'in een magazijn werken',
      'heftruck rijden',
      'dozen sjouwen en sorteren',
      'bezorgen',
      'aanpakken en doorwerken',
    ],
  },
  administratief: {
    titles: [
      { title: 'Administratief medewerker' },
      { title: 'Medewerker receptie' },
      { title: 'Medewerker postkamer' },
      { title: 'Medewerker digitaliseren archief' },
      { title: 'Medewerker data-invoer' },
      { title: 'Telefonist' },
    ],
    tasks: [
      'Je voert gegevens in de computer in.',
      'Je scant papieren en zet ze in het digitale archief.',
      'Je sorteert de post en brengt die rond.',
      'Je neemt de telefoon op en verbindt door.',
      'Je ontvangt bezoekers en laat ze weten waar ze moeten zijn.',
      'Je maakt kopieën en ruimt de printerruimte op.',
      'Je controleert facturen en legt ze klaar voor de boekhouding.',
    ],
    asks: [
      'Je kunt goed met de computer werken.',
      'Je werkt nauwkeurig.',
      'Je bent vriendelijk tegen klanten en bezoekers.',
      'Je kunt je goed concentreren.',
    ],
    demands: { lifting: [0, 0], standing: [0, 1], pace: [1, 2], stimuli: [0, 2], outdoor: [0, 0] },
    certificates: ['bhv'],
    desired: ['bhv', 'ehbo'],
    language: [
      ['A2', 2],
      ['B1', 6],
      ['B2', 3],
    ],
    weekend: 0,
    dayparts: [
      [['ochtend', 'middag'], 6],
      [['ochtend'], 3],
      [['middag'], 1],
    ],
    interests: [
      'werken met de computer',
      'gegevens invoeren',
      'post sorteren',
      'telefoon aannemen',
      'archiveren',
      'mensen ontvangen',
    ],
  },
  catering: {
    titles: [
      { title: 'Medewerker bediening' },
      { title: 'Keukenhulp' },
      { title: 'Afwasser' },
      { title: 'Medewerker lunchroom' },
      { title: 'Hulpkok', required: ['haccp'] },
      { title: 'Medewerker kantine' },
      { title: 'Gastvrouw of gastheer' },
    ],
    tasks: [
      'Je helpt in de keuken met groente snijden en broodjes smeren.',
      'Je ruimt de vaatwasser in en uit.',
      'Je neemt bestellingen op en brengt eten en drinken naar de tafel.',
      'Je zet koffie en thee voor gasten.',
      'Je houdt de keuken en de zaal schoon.',
      'Je vult de koeling en kijkt of alles vers is.',
      'Je helpt bij het koken van soep en warme maaltijden.',
      'Je rekent af bij de kassa.',
    ],
    asks: [
      'Je bent gastvrij en vriendelijk.',
      'Je kunt tegen drukte.',
      'Je werkt hygiënisch.',
      'Je vindt het leuk om met mensen te werken.',
    ],
    demands: { lifting: [1, 1], standing: [2, 3], pace: [1, 3], stimuli: [1, 3], outdoor: [0, 0] },
    certificates: ['haccp'],
    desired: ['haccp', 'bhv', 'ehbo'],
    language: [
      ['geen', 2],
      ['A2', 5],
      ['B1', 3],
    ],
    weekend: 0.45,
    dayparts: [
      [['ochtend', 'middag'], 4],
      [['middag', 'avond'], 4],
      [['ochtend'], 1],
      [['avond'], 1],
    ],
    interests: [
      'koken',
      'koffie zetten voor mensen',
      'gastvrij zijn',
      'afwassen',
      'bakken',
      'horeca',
    ],
  },
  personenvervoer: {
    titles: [
      { title: 'Chauffeur leerlingenvervoer', required: ['rijbewijs-b'] },
      { title: 'Chauffeur personenvervoer', required: ['rijbewijs-b'] },
      { title: 'Chauffeur zorgvervoer', required: ['rijbewijs-b'] },
      { title: 'Bijrijder leerlingenvervoer', required: [] },
      { title: 'Chauffeur buurtbus', required: ['rijbewijs-b'] },
    ],
    tasks: [
      'Je haalt kinderen op bij huis en brengt ze naar school.',
      'Je rijdt mensen naar de dagbesteding en weer terug.',
      'Je helpt mensen bij het in- en uitstappen.',
      'Je zet een rolstoel vast in de bus.',
      'Je rijdt elke dag een vaste route.',
      'Je houdt de bus schoon en netjes.',
      'Je let onderweg op de kinderen in de bus.',
    ],
    asks: [
      'Je bent geduldig en vriendelijk.',
      'Je bent altijd op tijd.',
      'Je rijdt rustig en veilig.',
      'Je kunt goed omgaan met kinderen of mensen met een beperking.',
    ],
    demands: { lifting: [1, 2], standing: [0, 1], pace: [1, 1], stimuli: [1, 2], outdoor: [1, 1] },
    certificates: ['rijbewijs-b'],
    desired: ['ehbo', 'bhv', 'code95'],
    language: [
      ['A2', 4],
      ['B1', 5],
    ],
    weekend: 0.05,
    dayparts: [
      [['ochtend', 'middag'], 8],
      [['ochtend'], 2],
    ],
    interests: [
      'autorijden',
      'mensen helpen',
      'met kinderen werken',
      'onderweg zijn',
      'een vaste route',
    ],
  },
};

/** Interests that are not tied to one werksoort: the things people say they need or enjoy. */
export const GENERAL_INTERESTS = [
  'rustige werkplek',
  'vaste collega’s',
  'duidelijke taken',
  'werken met dieren',
  'in een team werken',
  'structuur en vaste tijden',
  'dicht bij huis werken',
  'iets nieuws leren',
  'sport',
  'muziek',
  'fietsen',
  'mensen helpen',
  'techniek',
  'zelfstandig werken',
  'niet te veel drukte',
] as const;

/** How certificates read in a vacancy text. */
export const CERTIFICATE_LABELS: Readonly<Record<string, string>> = {
  heftruck: 'heftruckcertificaat',
  reachtruck: 'reachtruckcertificaat',
  vca: 'VCA (veilig werken)',
  bhv: 'BHV-diploma',
  haccp: 'HACCP (hygiëne bij voedsel)',
  'rijbewijs-b': 'rijbewijs B',
  'rijbewijs-c': 'rijbewijs C',
  code95: 'code 95',
  kettingzaag: 'certificaat kettingzaag',
  spuitlicentie: 'spuitlicentie',
  ehbo: 'EHBO-diploma',
};
