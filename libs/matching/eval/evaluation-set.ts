import type { Arrangement, Day, Daypart, LanguageLevel, TravelMode } from '@werkbrug/domain';
import type { BlockerCode } from '../src/engine/codes';

/**
 * A labelled evaluation set for candidate → workplace matching: eight candidates around Woerden,
 * 45 workplaces placed relative to them, a label for every (candidate, workplace) pair and a list of
 * ordered preferences. The labels are written by hand from the business rules (DESIGN.md "Matching"):
 *
 * - `fit: true`: every hard constraint holds;
 * - `fit: false, nearMiss: [codes]`: the workplace is open and breaks one or two hard constraints,
 *   exactly these (order does not matter);
 * - `fit: false` alone: the workplace is not open (status or no free place), or breaks three or more.
 *
 * Distances are as the crow flies, compared after rounding to 0.1 km (8.04 km counts as 8.0 km).
 * Workplaces are placed with {@link pointAt} so that a stated distance is exact, and every body
 * carries explicit coordinates, so no postcode lookup is involved.
 */

export interface Point {
  lat: number;
  lng: number;
}

/** Mean earth radius (IUGG), the sphere the distance rules use. */
const EARTH_RADIUS_KM = 6371.0088;

/** The point `km` away from `from` in direction `bearingDeg` (0 north, 90 east) on the sphere. */
export function pointAt(from: Point, km: number, bearingDeg: number): Point {
  const rad = Math.PI / 180;
  const d = km / EARTH_RADIUS_KM;
  const theta = bearingDeg * rad;
  const lat1 = from.lat * rad;
  const lng1 = from.lng * rad;
  const lat2 = Math.asin(
    Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(theta),
  );
  const lng2 =
    lng1 +
    Math.atan2(
      Math.sin(theta) * Math.sin(d) * Math.cos(lat1),
      Math.cos(d) - Math.sin(lat1) * Math.sin(lat2),
    );
  return { lat: lat2 / rad, lng: lng2 / rad };
}

/** Where the candidates live (town centres of the Ferm Werk region and its neighbours). */
export const HOMES = {
  woerden: { lat: 52.086, lng: 4.88, postcode: '3441 AB', place: 'Woerden' },
  bodegraven: { lat: 52.0825, lng: 4.75, postcode: '2411 AA', place: 'Bodegraven' },
  oudewater: { lat: 52.025, lng: 4.868, postcode: '3421 AA', place: 'Oudewater' },
  montfoort: { lat: 52.0458, lng: 4.952, postcode: '3417 AA', place: 'Montfoort' },
  harmelen: { lat: 52.09, lng: 4.962, postcode: '3481 AA', place: 'Harmelen' },
  kamerik: { lat: 52.11, lng: 4.89, postcode: '3471 AA', place: 'Kamerik' },
  zegveld: { lat: 52.115, lng: 4.837, postcode: '3474 AA', place: 'Zegveld' },
  linschoten: { lat: 52.064, lng: 4.913, postcode: '3461 AA', place: 'Linschoten' },
} as const;
type Home = (typeof HOMES)[keyof typeof HOMES];

/** The body of POST /api/candidates (see CreateCandidateDto). */
export interface CandidateBody {
  werksoortWishes: string[];
  interests: string;
  hoursMin: number;
  hoursMax: number;
  days: Day[];
  dayparts: Daypart[];
  homeArea: { postcode: string; place: string; lat: number; lng: number };
  travelMode: TravelMode;
  maxTravelKm?: number;
  maxTravelMinutes?: number;
  ladderRung: number;
  ladderMeasuredOn: string;
  route: 'werk' | 'participatie' | 'jongeren' | 'banenafspraak' | 'inburgering';
  arrangements?: Arrangement[];
  certificates: string[];
  languageLevel: LanguageLevel;
  abilities: Demands;
  supportNeeds: { jobcoach?: boolean; buddy?: boolean; wheelchairAccess?: boolean };
  personal: { firstName: string; lastName: string };
}

export interface Demands {
  lifting: number;
  standing: number;
  pace: number;
  stimuli: number;
  outdoor: number;
}

/** The body of POST /api/vacancies (see CreateVacancyDto), without employerId. */
export interface VacancyBody {
  werksoort: string;
  title: string;
  description: string;
  location: { address: string; postcode: string; place: string; lat: number; lng: number };
  arrangements: Arrangement[];
  hoursMin: number;
  hoursMax: number;
  workingDays: Day[];
  dayparts: Daypart[];
  hoursAdjustable: boolean;
  requiredCertificates: string[];
  desiredCertificates: string[];
  minLanguageLevel: LanguageLevel;
  demands: Demands;
  jobcoachWelcome: boolean;
  buddyAvailable: boolean;
  wheelchairAccessible: boolean;
  places: number;
  status: 'open' | 'paused' | 'filled' | 'closed';
}

export interface EvalCandidate {
  key: string;
  note: string;
  body: CandidateBody;
}

export interface EvalVacancy {
  key: string;
  note: string;
  body: VacancyBody;
  /** Places already taken (not settable through the API; the loader writes it afterwards). */
  placesFilled?: number;
}

export type PairLabel =
  | { candidate: string; vacancy: string; fit: true }
  | { candidate: string; vacancy: string; fit: false; nearMiss?: BlockerCode[] };

export interface OrderedPreference {
  candidate: string;
  better: string;
  worse: string;
  why: string;
}

export interface EvaluationSet {
  candidates: EvalCandidate[];
  vacancies: EvalVacancy[];
  /** One label for every (candidate, vacancy) pair. */
  labels: PairLabel[];
  orderedPreferences: OrderedPreference[];
}

// ---------------------------------------------------------------------------------------------
// Candidates

const ALL_DAYS: Day[] = ['ma', 'di', 'wo', 'do', 'vr'];

const homeArea = (home: Home) => ({
  postcode: home.postcode,
  place: home.place,
  lat: home.lat,
  lng: home.lng,
});

const candidate = (
  key: string,
  note: string,
  body: Omit<CandidateBody, 'ladderMeasuredOn' | 'personal'>,
): EvalCandidate => ({
  key,
  note,
  body: {
    ...body,
    ladderMeasuredOn: '2026-01-15',
    personal: { firstName: 'Evaluatie', lastName: `Kandidaat ${key}` },
  },
});

const CANDIDATES: EvalCandidate[] = [
  candidate('c1', 'Woerden, fiets (default 8 km), rung 4 defaults, needs a jobcoach', {
    werksoortWishes: ['groen', 'productie', 'schoonmaak'],
    interests: 'buiten werken met planten',
    hoursMin: 12,
    hoursMax: 24,
    days: ['ma', 'di', 'wo'],
    dayparts: ['ochtend'],
    homeArea: homeArea(HOMES.woerden),
    travelMode: 'fiets',
    ladderRung: 4,
    route: 'participatie',
    certificates: ['vca'],
    languageLevel: 'B1',
    abilities: { lifting: 2, standing: 2, pace: 2, stimuli: 1, outdoor: 3 },
    supportNeeds: { jobcoach: true },
  }),
  candidate(
    'c2',
    'Bodegraven, lopen (default 2 km), rung 3 defaults (vrijwilligerswerk), needs a buddy',
    {
      werksoortWishes: ['catering'],
      interests: 'koken en afwassen',
      hoursMin: 8,
      hoursMax: 16,
      days: ['di', 'do'],
      dayparts: ['middag'],
      homeArea: homeArea(HOMES.bodegraven),
      travelMode: 'lopen',
      ladderRung: 3,
      route: 'participatie',
      certificates: [],
      languageLevel: 'A2',
      abilities: { lifting: 1, standing: 1, pace: 1, stimuli: 2, outdoor: 1 },
      supportNeeds: { buddy: true },
    },
  ),
  candidate(
    'c3',
    'Oudewater, e-bike (default 15 km), rung 5 with its own list: detachering, proefplaatsing',
    {
      werksoortWishes: ['logistiek', 'productie'],
      interests: 'magazijn en orderpicken',
      hoursMin: 24,
      hoursMax: 32,
      days: ALL_DAYS,
      dayparts: ['ochtend', 'middag'],
      homeArea: homeArea(HOMES.oudewater),
      travelMode: 'ebike',
      ladderRung: 5,
      route: 'werk',
      arrangements: ['detachering', 'proefplaatsing'],
      certificates: ['heftruck', 'vca'],
      languageLevel: 'B2',
      abilities: { lifting: 3, standing: 3, pace: 3, stimuli: 2, outdoor: 2 },
      supportNeeds: {},
    },
  ),
  candidate('c4', 'Montfoort, ov 30 minutes (12.5 km), rung 6 defaults, needs wheelchair access', {
    werksoortWishes: ['administratief'],
    interests: 'administratie en klantcontact',
    hoursMin: 32,
    hoursMax: 38,
    days: ['ma', 'di', 'wo', 'do'],
    dayparts: ['ochtend', 'middag'],
    homeArea: homeArea(HOMES.montfoort),
    travelMode: 'ov',
    maxTravelMinutes: 30,
    ladderRung: 6,
    route: 'banenafspraak',
    certificates: ['rijbewijs-b'],
    languageLevel: 'C1',
    abilities: { lifting: 1, standing: 0, pace: 2, stimuli: 2, outdoor: 0 },
    supportNeeds: { wheelchairAccess: true },
  }),
  candidate(
    'c5',
    'Harmelen, auto at most 12 km, rung 5 defaults, no wishes, interests with a typo',
    {
      werksoortWishes: [],
      interests: 'groenvoorzening',
      hoursMin: 16,
      hoursMax: 24,
      days: ['wo', 'do', 'vr'],
      dayparts: ['middag', 'avond'],
      homeArea: homeArea(HOMES.harmelen),
      travelMode: 'auto',
      maxTravelKm: 12,
      ladderRung: 5,
      route: 'participatie',
      certificates: [],
      languageLevel: 'A1',
      abilities: { lifting: 2, standing: 2, pace: 1, stimuli: 1, outdoor: 2 },
      supportNeeds: { jobcoach: true, buddy: true },
    },
  ),
  candidate('c6', 'Kamerik, fiets at most 5 km, rung 2 with its own list: vrijwilligerswerk', {
    werksoortWishes: ['schoonmaak', 'groen'],
    interests: 'dieren verzorgen',
    hoursMin: 4,
    hoursMax: 8,
    days: ['ma', 'wo', 'vr'],
    dayparts: ['middag'],
    homeArea: homeArea(HOMES.kamerik),
    travelMode: 'fiets',
    maxTravelKm: 5,
    ladderRung: 2,
    route: 'participatie',
    arrangements: ['vrijwilligerswerk'],
    certificates: [],
    languageLevel: 'geen',
    abilities: { lifting: 1, standing: 1, pace: 0, stimuli: 0, outdoor: 1 },
    supportNeeds: { jobcoach: true },
  }),
  candidate(
    'c7',
    'Zegveld, ov at most 18 km and 40 minutes (16.7 km, the stricter), rung 5 with its own list: leerwerkbaan, stage',
    {
      werksoortWishes: ['productie', 'catering'],
      interests: 'inpakken en koken',
      hoursMin: 30,
      hoursMax: 36,
      days: ['ma', 'di', 'wo', 'do'],
      dayparts: ['ochtend'],
      homeArea: homeArea(HOMES.zegveld),
      travelMode: 'ov',
      maxTravelKm: 18,
      maxTravelMinutes: 40,
      ladderRung: 5,
      route: 'werk',
      arrangements: ['leerwerkbaan', 'stage'],
      certificates: ['haccp'],
      languageLevel: 'B1',
      abilities: { lifting: 2, standing: 3, pace: 2, stimuli: 1, outdoor: 1 },
      supportNeeds: {},
    },
  ),
  candidate('c8', 'Linschoten, auto (default 30 km), rung 6 defaults, can take on every demand', {
    werksoortWishes: ['personenvervoer', 'logistiek'],
    interests: 'chauffeur',
    hoursMin: 16,
    hoursMax: 32,
    days: ALL_DAYS,
    dayparts: ['ochtend', 'middag', 'avond'],
    homeArea: homeArea(HOMES.linschoten),
    travelMode: 'auto',
    ladderRung: 6,
    route: 'werk',
    certificates: ['vca', 'bhv', 'rijbewijs-b'],
    languageLevel: 'B1',
    abilities: { lifting: 3, standing: 3, pace: 3, stimuli: 3, outdoor: 3 },
    supportNeeds: {},
  }),
];

// ---------------------------------------------------------------------------------------------
// Workplaces: one template per target candidate, varied one or two fields at a time.

const location = (home: Home, km: number, bearing: number) => {
  const p = pointAt(home, km, bearing);
  return { address: 'Evaluatieweg 1', postcode: home.postcode, place: home.place, ...p };
};

type Template = Omit<VacancyBody, 'location'>;

/** c1 family: groen, werkervaringsplaats, 12–20 h ma–vr ochtend, jobcoach welcome. */
const A: Template = {
  werksoort: 'groen',
  title: 'Medewerker ochtendploeg',
  description: 'Vaste ploeg, korte lijnen.',
  arrangements: ['werkervaringsplaats'],
  hoursMin: 12,
  hoursMax: 20,
  workingDays: ALL_DAYS,
  dayparts: ['ochtend'],
  hoursAdjustable: false,
  requiredCertificates: [],
  desiredCertificates: [],
  minLanguageLevel: 'A2',
  demands: { lifting: 2, standing: 2, pace: 1, stimuli: 1, outdoor: 3 },
  jobcoachWelcome: true,
  buddyAvailable: false,
  wheelchairAccessible: false,
  places: 2,
  status: 'open',
};

/** c2 family: catering, vrijwilligerswerk, 8–12 h di/do middag, a buddy on site. */
const B: Template = {
  ...A,
  werksoort: 'catering',
  title: 'Hulp in de kantine',
  description: 'Broodjes smeren en opruimen.',
  arrangements: ['vrijwilligerswerk'],
  hoursMin: 8,
  hoursMax: 12,
  workingDays: ['di', 'do'],
  dayparts: ['middag'],
  minLanguageLevel: 'A1',
  demands: { lifting: 1, standing: 1, pace: 1, stimuli: 1, outdoor: 1 },
  jobcoachWelcome: false,
  buddyAvailable: true,
};

/** c3 family: logistiek, detachering, 24–32 h ma–vr, heavy work. */
const C: Template = {
  ...A,
  werksoort: 'logistiek',
  title: 'Orderpicker distributiecentrum',
  description: 'Dagdienst in het distributiecentrum.',
  arrangements: ['detachering'],
  hoursMin: 24,
  hoursMax: 32,
  minLanguageLevel: 'B1',
  demands: { lifting: 3, standing: 3, pace: 2, stimuli: 2, outdoor: 1 },
  jobcoachWelcome: false,
  places: 3,
};

/** c4 family: administratief, regulier, 32–36 h, wheelchair accessible, seated work. */
const D: Template = {
  ...A,
  werksoort: 'administratief',
  title: 'Medewerker administratie',
  description: 'Post, archief en klantcontact aan de balie.',
  arrangements: ['regulier'],
  hoursMin: 32,
  hoursMax: 36,
  minLanguageLevel: 'B2',
  demands: { lifting: 0, standing: 0, pace: 1, stimuli: 1, outdoor: 0 },
  jobcoachWelcome: false,
  wheelchairAccessible: true,
  places: 1,
};

/** c5 family: groen, proefplaatsing, 16–24 h wo–vr middag/avond, jobcoach and buddy. */
const E: Template = {
  ...A,
  title: 'Medewerker middagploeg',
  description: 'Afwisselende taken in een klein team.',
  arrangements: ['proefplaatsing'],
  hoursMin: 16,
  hoursMax: 24,
  workingDays: ['wo', 'do', 'vr'],
  dayparts: ['middag', 'avond'],
  minLanguageLevel: 'A1',
  demands: { lifting: 1, standing: 1, pace: 1, stimuli: 1, outdoor: 2 },
  buddyAvailable: true,
};

/** c6 family: schoonmaak, vrijwilligerswerk, 4–8 h ma/wo middag, light work. */
const F: Template = {
  ...A,
  werksoort: 'schoonmaak',
  title: 'Vrijwilliger kinderboerderij',
  description: 'Dieren verzorgen en de stallen schoonhouden.',
  arrangements: ['vrijwilligerswerk'],
  hoursMin: 4,
  hoursMax: 8,
  workingDays: ['ma', 'wo'],
  dayparts: ['middag'],
  minLanguageLevel: 'geen',
  demands: { lifting: 0, standing: 0, pace: 0, stimuli: 0, outdoor: 1 },
  places: 3,
};

/** c7 family: catering, leerwerkbaan, 30–36 h ma–do ochtend, haccp required. */
const G: Template = {
  ...A,
  werksoort: 'catering',
  title: 'Keukenhulp bedrijfsrestaurant',
  description: 'Groente snijden en de vaatwasser bijhouden.',
  arrangements: ['leerwerkbaan'],
  hoursMin: 30,
  hoursMax: 36,
  workingDays: ['ma', 'di', 'wo', 'do'],
  dayparts: ['ochtend'],
  requiredCertificates: ['haccp'],
  demands: { lifting: 1, standing: 2, pace: 2, stimuli: 1, outdoor: 0 },
  jobcoachWelcome: false,
};

/** c8 family: personenvervoer, regulier, 16–24 h ma–vr middag, driving licence required. */
const H: Template = {
  ...A,
  werksoort: 'personenvervoer',
  title: 'Chauffeur buurtbus',
  description: 'Rijden op vaste routes.',
  arrangements: ['regulier'],
  hoursMin: 16,
  hoursMax: 24,
  dayparts: ['middag'],
  requiredCertificates: ['rijbewijs-b'],
  minLanguageLevel: 'B1',
  demands: { lifting: 1, standing: 2, pace: 1, stimuli: 2, outdoor: 1 },
  jobcoachWelcome: false,
  places: 1,
};

const vacancy = (
  key: string,
  note: string,
  template: Template,
  where: ReturnType<typeof location>,
  overrides: Partial<Template> = {},
  placesFilled?: number,
): EvalVacancy => ({
  key,
  note,
  body: { ...template, ...overrides, location: where },
  ...(placesFilled === undefined ? {} : { placesFilled }),
});

const W1 = location(HOMES.woerden, 1.0, 90);
const B1 = location(HOMES.bodegraven, 1.0, 45);
const O3 = location(HOMES.oudewater, 3.0, 0);
const M2 = location(HOMES.montfoort, 2.0, 0);
const H2 = location(HOMES.harmelen, 2.0, 90);
const K1 = location(HOMES.kamerik, 1.0, 0);

const VACANCIES: EvalVacancy[] = [
  // c1: Woerden, fiets 8 km.
  vacancy('v01', 'c1: fits, first wish, 1 km, jobcoach welcome', A, W1),
  vacancy('v02', 'c1: as v01, second wish (productie)', A, W1, { werksoort: 'productie' }),
  vacancy('v03', 'c1: as v01, third wish (schoonmaak)', A, W1, { werksoort: 'schoonmaak' }),
  vacancy(
    'v04',
    'c1: as v01 at exactly 8.0 km (the fiets default)',
    A,
    location(HOMES.woerden, 8.0, 180),
  ),
  vacancy(
    'v05',
    'c1: as v01 at 8.045 km, which rounds to 8.0 km',
    A,
    location(HOMES.woerden, 8.045, 0),
  ),
  vacancy('v06', 'c1: as v01 at 8.1 km: 0.1 km too far', A, location(HOMES.woerden, 8.1, 270)),
  vacancy(
    'v07',
    'c1: 28–36 h on do/vr middag, but hours adjustable: fits only by adjustment',
    A,
    W1,
    {
      werksoort: 'productie',
      hoursMin: 28,
      hoursMax: 36,
      hoursAdjustable: true,
      workingDays: ['do', 'vr'],
      dayparts: ['middag'],
    },
  ),
  vacancy('v08', 'c1: 28–36 h, not adjustable: 4 hours more than c1 can work', A, W1, {
    werksoort: 'productie',
    hoursMin: 28,
    hoursMax: 36,
  }),
  vacancy('v09', 'c1: 4–8 h, adjustable: still 4 hours too few for c1', A, W1, {
    werksoort: 'productie',
    hoursMin: 4,
    hoursMax: 8,
    hoursAdjustable: true,
  }),
  vacancy('v10', 'c1: only do/vr: no common day', A, W1, { workingDays: ['do', 'vr'] }),
  vacancy('v11', 'c1: only avond: no common daypart', A, W1, {
    workingDays: ['ma', 'di', 'wo'],
    dayparts: ['avond'],
  }),
  vacancy('v12', 'c1: requires vca and heftruck; c1 lacks heftruck', A, W1, {
    requiredCertificates: ['vca', 'heftruck'],
  }),
  vacancy('v13', 'c1: B2 and heavy lifting: language one level short, lifting one step', A, W1, {
    minLanguageLevel: 'B2',
    demands: { ...A.demands, lifting: 3 },
  }),
  vacancy('v14', 'c1: regulier only, not on rung 4', A, W1, { arrangements: ['regulier'] }),
  vacancy('v15', 'c1: perfect but paused', A, location(HOMES.woerden, 0.5, 90), {
    status: 'paused',
  }),
  vacancy('v16', 'c1: as v01 without jobcoach', A, W1, { jobcoachWelcome: false }),
  vacancy('v17', 'c1: as v01 with adjustable hours', A, W1, { hoursAdjustable: true }),
  // c2: Bodegraven, lopen 2 km.
  vacancy('v18', 'c2: fits, first wish, buddy on site', B, B1),
  vacancy('v19', 'c2: as v18 without buddy', B, B1, { buddyAvailable: false }),
  vacancy(
    'v20',
    'c2: as v18 at 2.5 km: 0.5 km too far on foot',
    B,
    location(HOMES.bodegraven, 2.5, 270),
  ),
  vacancy('v21', 'c2: werkervaringsplaats, not on rung 3', B, B1, {
    arrangements: ['werkervaringsplaats'],
  }),
  vacancy('v22', 'c2: more standing and stimuli than c2 can take on', B, B1, {
    demands: { ...B.demands, standing: 2, stimuli: 3 },
  }),
  vacancy(
    'v23',
    'c2: perfect but every place filled',
    B,
    location(HOMES.bodegraven, 0.5, 45),
    { places: 1 },
    1,
  ),
  // c3: Oudewater, e-bike 15 km, own list detachering/proefplaatsing.
  vacancy('v24', 'c3: fits, requires heftruck and vca (held)', C, O3, {
    requiredCertificates: ['heftruck', 'vca'],
  }),
  vacancy('v25', 'c3: as v24 but heftruck desired instead of required', C, O3, {
    desiredCertificates: ['heftruck'],
  }),
  vacancy('v26', 'c3: werkervaringsplaats: rung 5 would allow it, her own list does not', C, O3, {
    arrangements: ['werkervaringsplaats'],
  }),
  vacancy(
    'v27',
    'c3: as v25 at 16 km: 1 km too far by e-bike',
    C,
    location(HOMES.oudewater, 16.0, 0),
  ),
  vacancy('v28', 'c3: 8–16 h: 8 hours too few for c3', C, O3, { hoursMin: 8, hoursMax: 16 }),
  vacancy('v29', 'c3: schoonmaak in a magazijn (her interests)', C, O3, {
    werksoort: 'schoonmaak',
    title: 'Schoonmaak magazijn',
    description: 'Vloeren en kantines schoonhouden.',
  }),
  vacancy('v30', 'c3: as v29 in offices (no interest match)', C, O3, {
    werksoort: 'schoonmaak',
    title: 'Schoonmaak kantoren',
    description: 'Vloeren en kantines schoonhouden.',
  }),
  // c4: Montfoort, ov 30 minutes = 12.5 km, wheelchair.
  vacancy('v31', 'c4: fits, wheelchair accessible', D, M2),
  vacancy('v32', 'c4: as v31, not wheelchair accessible', D, M2, { wheelchairAccessible: false }),
  vacancy(
    'v33',
    'c4: as v31 at 12.4 km, inside 30 minutes by ov',
    D,
    location(HOMES.montfoort, 12.4, 90),
  ),
  vacancy(
    'v34',
    'c4: as v31 at 13.5 km: 1 km beyond 30 minutes by ov',
    D,
    location(HOMES.montfoort, 13.5, 90),
  ),
  vacancy('v35', 'c4: some standing and outdoor work', D, M2, {
    demands: { ...D.demands, standing: 1, outdoor: 1 },
  }),
  // c5: Harmelen, auto 12 km, interests "groenvoorzening" (typo).
  vacancy('v36', 'c5: fits, groen (matches the misspelt interest)', E, H2),
  vacancy('v37', 'c5: as v36 but productie', E, H2, { werksoort: 'productie' }),
  vacancy('v38', 'c5: A2 required and a higher pace', E, H2, {
    minLanguageLevel: 'A2',
    demands: { ...E.demands, pace: 2 },
  }),
  vacancy('v39', 'c5: as v36 at 13 km: 1 km too far', E, location(HOMES.harmelen, 13.0, 90)),
  // c6: Kamerik, fiets 5 km, rung 2 with vrijwilligerswerk.
  vacancy('v40', 'c6: fits, vrijwilligerswerk with animals', F, K1),
  vacancy('v41', 'c6: as v40 at 5.5 km: 0.5 km too far', F, location(HOMES.kamerik, 5.5, 0)),
  // c7: Zegveld, ov 18 km and 40 minutes = 16.7 km.
  vacancy('v42', 'c7: fits at 16.6 km, haccp held', G, location(HOMES.zegveld, 16.6, 270)),
  vacancy(
    'v43',
    'c7: as v42 at 17.5 km: inside 18 km but 0.8 km beyond 40 minutes',
    G,
    location(HOMES.zegveld, 17.5, 270),
  ),
  // c8: Linschoten, auto 30 km.
  vacancy(
    'v44',
    'c8: driver at 31 km: 1 km beyond the auto default',
    H,
    location(HOMES.linschoten, 31.0, 135),
  ),
  vacancy('v45', 'c8: driver at 4 km, first wish', H, location(HOMES.linschoten, 4.0, 45)),
];

// ---------------------------------------------------------------------------------------------
// Labels: per candidate the fitting workplaces and the near misses with their blockers.
// Every pair not listed is `fit: false` (not open, or three or more blockers).

interface CandidateLabels {
  fit: string[];
  nearMiss: Record<string, BlockerCode[]>;
}

const LABELS: Record<string, CandidateLabels> = {
  c1: {
    fit: ['v01', 'v02', 'v03', 'v04', 'v05', 'v07', 'v16', 'v17'],
    nearMiss: {
      v06: ['TOO_FAR'],
      v08: ['HOURS_SHORT'],
      v09: ['HOURS_TOO_FEW'],
      v10: ['DAYS_MISMATCH'],
      v11: ['TIME_WINDOW_MISMATCH'],
      v12: ['CERTIFICATE_MISSING'],
      v13: ['LANGUAGE_LEVEL_LOW', 'DEMAND_LIFTING'],
      v14: ['ARRANGEMENT_NOT_ACCEPTED'],
      // Other families: the Bodegraven canteen is 8.2 km away and works in the afternoon; the
      // Harmelen proefplaatsingen are not on rung 4 and work afternoons and evenings; the Kamerik
      // volunteer job has 4–8 hours in the afternoon.
      v18: ['TOO_FAR', 'TIME_WINDOW_MISMATCH'],
      v19: ['TOO_FAR', 'TIME_WINDOW_MISMATCH'],
      v20: ['TOO_FAR', 'TIME_WINDOW_MISMATCH'],
      v21: ['TOO_FAR', 'TIME_WINDOW_MISMATCH'],
      v36: ['ARRANGEMENT_NOT_ACCEPTED', 'TIME_WINDOW_MISMATCH'],
      v37: ['ARRANGEMENT_NOT_ACCEPTED', 'TIME_WINDOW_MISMATCH'],
      v38: ['ARRANGEMENT_NOT_ACCEPTED', 'TIME_WINDOW_MISMATCH'],
      v40: ['HOURS_TOO_FEW', 'TIME_WINDOW_MISMATCH'],
    },
  },
  c2: {
    fit: ['v18', 'v19'],
    nearMiss: {
      v20: ['TOO_FAR'],
      v21: ['ARRANGEMENT_NOT_ACCEPTED'],
      v22: ['DEMAND_STANDING', 'DEMAND_STIMULI'],
      // The Kamerik volunteer jobs are far beyond walking distance and on other days.
      v40: ['TOO_FAR', 'DAYS_MISMATCH'],
      v41: ['TOO_FAR', 'DAYS_MISMATCH'],
    },
  },
  c3: {
    // The Harmelen proefplaatsingen (v36–v38, 11.1 km) are on her own list and fit as well.
    fit: ['v24', 'v25', 'v29', 'v30', 'v36', 'v37', 'v38'],
    nearMiss: {
      v26: ['ARRANGEMENT_NOT_ACCEPTED'],
      v27: ['TOO_FAR'],
      v28: ['HOURS_TOO_FEW'],
      // Other families: not on her own list, plus too few hours, too far, too much outdoor work or
      // a missing driving licence.
      v07: ['ARRANGEMENT_NOT_ACCEPTED', 'DEMAND_OUTDOOR'],
      v08: ['ARRANGEMENT_NOT_ACCEPTED', 'DEMAND_OUTDOOR'],
      v18: ['ARRANGEMENT_NOT_ACCEPTED', 'HOURS_TOO_FEW'],
      v19: ['ARRANGEMENT_NOT_ACCEPTED', 'HOURS_TOO_FEW'],
      v20: ['ARRANGEMENT_NOT_ACCEPTED', 'HOURS_TOO_FEW'],
      v21: ['ARRANGEMENT_NOT_ACCEPTED', 'HOURS_TOO_FEW'],
      v31: ['ARRANGEMENT_NOT_ACCEPTED'],
      v32: ['ARRANGEMENT_NOT_ACCEPTED'],
      v33: ['ARRANGEMENT_NOT_ACCEPTED', 'TOO_FAR'],
      v34: ['ARRANGEMENT_NOT_ACCEPTED', 'TOO_FAR'],
      v35: ['ARRANGEMENT_NOT_ACCEPTED'],
      v39: ['TOO_FAR'],
      v40: ['ARRANGEMENT_NOT_ACCEPTED', 'HOURS_TOO_FEW'],
      v41: ['ARRANGEMENT_NOT_ACCEPTED', 'HOURS_TOO_FEW'],
      v45: ['ARRANGEMENT_NOT_ACCEPTED', 'CERTIFICATE_MISSING'],
    },
  },
  c4: {
    fit: ['v31', 'v33'],
    nearMiss: {
      v32: ['NOT_WHEELCHAIR_ACCESSIBLE'],
      v34: ['TOO_FAR'],
      v35: ['DEMAND_STANDING', 'DEMAND_OUTDOOR'],
    },
  },
  c5: {
    fit: ['v36', 'v37'],
    nearMiss: {
      v38: ['LANGUAGE_LEVEL_LOW', 'DEMAND_PACE'],
      v39: ['TOO_FAR'],
      // Woerden groen/productie needs A2 and more outdoor work (days and dayparts fit, or the hours
      // are adjustable); the canteens are too far with too few hours; the volunteer jobs too few hours.
      v07: ['LANGUAGE_LEVEL_LOW', 'DEMAND_OUTDOOR'],
      v11: ['LANGUAGE_LEVEL_LOW', 'DEMAND_OUTDOOR'],
      v17: ['LANGUAGE_LEVEL_LOW', 'DEMAND_OUTDOOR'],
      v18: ['TOO_FAR', 'HOURS_TOO_FEW'],
      v19: ['TOO_FAR', 'HOURS_TOO_FEW'],
      v20: ['TOO_FAR', 'HOURS_TOO_FEW'],
      v21: ['TOO_FAR', 'HOURS_TOO_FEW'],
      v40: ['HOURS_TOO_FEW'],
      v41: ['HOURS_TOO_FEW'],
    },
  },
  c6: {
    fit: ['v40'],
    nearMiss: {
      v41: ['TOO_FAR'],
    },
  },
  c7: {
    fit: ['v42'],
    nearMiss: {
      v43: ['TOO_FAR'],
      // Not on his own list, and too much outdoor work or a language level short.
      v07: ['ARRANGEMENT_NOT_ACCEPTED', 'DEMAND_OUTDOOR'],
      v08: ['ARRANGEMENT_NOT_ACCEPTED', 'DEMAND_OUTDOOR'],
      v31: ['ARRANGEMENT_NOT_ACCEPTED', 'LANGUAGE_LEVEL_LOW'],
      v32: ['ARRANGEMENT_NOT_ACCEPTED', 'LANGUAGE_LEVEL_LOW'],
      v35: ['ARRANGEMENT_NOT_ACCEPTED', 'LANGUAGE_LEVEL_LOW'],
    },
  },
  c8: {
    // Rung 6, 30 km by car and able to take on every demand: most open workplaces fit.
    fit: [
      'v01',
      'v02',
      'v03',
      'v04',
      'v05',
      'v06',
      'v07',
      'v08',
      'v10',
      'v11',
      'v14',
      'v16',
      'v17',
      'v25',
      'v26',
      'v27',
      'v28',
      'v29',
      'v30',
      'v36',
      'v37',
      'v38',
      'v39',
      'v45',
    ],
    nearMiss: {
      v44: ['TOO_FAR'],
      v09: ['HOURS_TOO_FEW'],
      v12: ['CERTIFICATE_MISSING'],
      v13: ['LANGUAGE_LEVEL_LOW'],
      v18: ['HOURS_TOO_FEW'],
      v19: ['HOURS_TOO_FEW'],
      v20: ['HOURS_TOO_FEW'],
      v21: ['HOURS_TOO_FEW'],
      v22: ['HOURS_TOO_FEW'],
      v24: ['CERTIFICATE_MISSING'],
      v31: ['LANGUAGE_LEVEL_LOW'],
      v32: ['LANGUAGE_LEVEL_LOW'],
      v33: ['LANGUAGE_LEVEL_LOW'],
      v34: ['LANGUAGE_LEVEL_LOW'],
      v35: ['LANGUAGE_LEVEL_LOW'],
      v40: ['HOURS_TOO_FEW'],
      v41: ['HOURS_TOO_FEW'],
      v42: ['CERTIFICATE_MISSING'],
      v43: ['CERTIFICATE_MISSING'],
    },
  },
};

const ORDERED_PREFERENCES: OrderedPreference[] = [
  { candidate: 'c1', better: 'v01', worse: 'v02', why: 'first werksoort wish before the second' },
  { candidate: 'c1', better: 'v02', worse: 'v03', why: 'second werksoort wish before the third' },
  { candidate: 'c1', better: 'v01', worse: 'v04', why: 'shorter travel: 1 km before 8 km' },
  { candidate: 'c1', better: 'v17', worse: 'v01', why: 'adjustable hours' },
  { candidate: 'c1', better: 'v01', worse: 'v16', why: 'jobcoach welcome when one is needed' },
  { candidate: 'c2', better: 'v18', worse: 'v19', why: 'a buddy on site when one is needed' },
  { candidate: 'c3', better: 'v25', worse: 'v24', why: 'holds the desired certificate' },
  { candidate: 'c3', better: 'v29', worse: 'v30', why: 'interests (magazijn) in the text' },
  {
    candidate: 'c5',
    better: 'v36',
    worse: 'v37',
    why: "interests 'groenvoorzening' (typo) should still favour groen work",
  },
  { candidate: 'c8', better: 'v01', worse: 'v04', why: 'shorter travel' },
];

function expandLabels(): PairLabel[] {
  const labels: PairLabel[] = [];
  for (const c of CANDIDATES) {
    const own = LABELS[c.key] ?? { fit: [], nearMiss: {} };
    for (const v of VACANCIES) {
      if (own.fit.includes(v.key)) labels.push({ candidate: c.key, vacancy: v.key, fit: true });
      else if (own.nearMiss[v.key]) {
        labels.push({
          candidate: c.key,
          vacancy: v.key,
          fit: false,
          nearMiss: own.nearMiss[v.key],
        });
      } else labels.push({ candidate: c.key, vacancy: v.key, fit: false });
    }
  }
  return labels;
}

export const EVALUATION_SET: EvaluationSet = {
  candidates: CANDIDATES,
  vacancies: VACANCIES,
  labels: expandLabels(),
  orderedPreferences: ORDERED_PREFERENCES,
};
