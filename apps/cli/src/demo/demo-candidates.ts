import type {
  Arrangement,
  BenefitType,
  Day,
  Daypart,
  LanguageLevel,
  Route,
  TravelMode,
} from '@werkbrug/domain';
import type { PostcodeArea } from '@werkbrug/geo';
import { addDays, birthDate, isoDate, pastMoment } from './dates';
import { streetAddress } from './demo-employers';
import { asciiSlug, randomPerson } from './demo-names';
import type { FermWerkMunicipality } from './demo-region';
import { jitter, mobile, pickNeighbourArea, pickRegionArea, postcodeIn } from './demo-region';
import { GENERAL_INTERESTS, WERKSOORT_PROFILES, type WerksoortCode } from './demo-werksoorten';
import type { Random } from './random';

/** One candidates row (the shareable work profile); keys are the column names. */
export interface CandidateRecord {
  id: string;
  created_at: string;
  updated_at: string;
  organisation_id: string;
  werkmakelaar_id: string;
  werksoort_wishes: WerksoortCode[];
  interests: string;
  hours_min: number;
  hours_max: number;
  days: Day[];
  dayparts: Daypart[];
  postcode: string;
  place: string;
  lat: number;
  lng: number;
  travel_mode: TravelMode;
  max_travel_km: number | null;
  max_travel_minutes: number | null;
  ladder_rung: number;
  ladder_measured_on: string;
  route: Route;
  arrangements: Arrangement[] | null;
  certificates: string[];
  language_level: LanguageLevel;
  ability_lifting: number;
  ability_standing: number;
  ability_pace: number;
  ability_stimuli: number;
  ability_outdoor: number;
  needs_jobcoach: boolean;
  needs_buddy: boolean;
  needs_wheelchair_access: boolean;
  trajectory_ended_on: string | null;
}

/** One candidate_protected row: contact details and AVG article 9 data, kept apart. */
export interface ProtectedRecord {
  candidate_id: string;
  created_at: string;
  updated_at: string;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  date_of_birth: string;
  benefit_type: BenefitType;
  banenafspraak: boolean;
  loonwaarde_pct: number | null;
  notes: string;
}

export const CANDIDATE_COLUMNS: readonly (keyof CandidateRecord)[] = [
  'id',
  'created_at',
  'updated_at',
  'organisation_id',
  'werkmakelaar_id',
  'werksoort_wishes',
  'interests',
  'hours_min',
  'hours_max',
  'days',
  'dayparts',
  'postcode',
  'place',
  'lat',
  'lng',
  'travel_mode',
  'max_travel_km',
  'max_travel_minutes',
  'ladder_rung',
  'ladder_measured_on',
  'route',
  'arrangements',
  'certificates',
  'language_level',
  'ability_lifting',
  'ability_standing',
  'ability_pace',
  'ability_stimuli',
  'ability_outdoor',
  'needs_jobcoach',
  'needs_buddy',
  'needs_wheelchair_access',
  'trajectory_ended_on',
];

export const PROTECTED_COLUMNS: readonly (keyof ProtectedRecord)[] = [
  'candidate_id',
  'created_at',
  'updated_at',
  'first_name',
  'last_name',
  'email',
  'phone',
  'address',
  'date_of_birth',
  'benefit_type',
  'banenafspraak',
  'loonwaarde_pct',
  'notes',
];

/** The caseload a candidate is generated for. */
export interface Caseload {
  organisationId: string;
  werkmakelaarIds: readonly string[];
  municipality?: FermWerkMunicipality;
  neighbourShare: number;
}

type Weighted<T> = readonly (readonly [T, number])[];

const ROUTES: Weighted<Route> = [
  ['participatie', 33],
  ['werk', 30],
  ['jongeren', 15],
  ['banenafspraak', 12],
  ['inburgering', 10],
];

/** Rung on the participatieladder per route: the werk route is people close to paid work. */
const RUNGS: Readonly<Record<Route, Weighted<number>>> = {
  participatie: [
    [1, 10],
    [2, 25],
    [3, 35],
    [4, 30],
  ],
  werk: [
    [4, 20],
    [5, 45],
    [6, 35],
  ],
  jongeren: [
    [3, 15],
    [4, 30],
    [5, 35],
    [6, 20],
  ],
  banenafspraak: [
    [3, 15],
    [4, 30],
    [5, 40],
    [6, 15],
  ],
  inburgering: [
    [2, 15],
    [3, 35],
    [4, 35],
    [5, 15],
  ],
};

const AGES: Readonly<Record<Route, readonly [number, number]>> = {
  participatie: [25, 66],
  werk: [22, 66],
  jongeren: [18, 26],
  banenafspraak: [18, 60],
  inburgering: [20, 55],
};

/** Hours a person can work grow with the rung: [lowest start, highest start, most extra]. */
const HOURS_BY_RUNG: Readonly<Record<number, readonly [number, number, number]>> = {
  1: [4, 8, 4],
  2: [4, 8, 8],
  3: [4, 12, 8],
  4: [8, 16, 8],
  5: [12, 24, 8],
  6: [16, 32, 8],
};

/** Explicit arrangements for the few candidates whose plan deviates from the rung's defaults. */
const ARRANGEMENTS_BY_RUNG: Readonly<Record<number, readonly Arrangement[]>> = {
  1: ['vrijwilligerswerk'],
  2: ['vrijwilligerswerk'],
  3: ['vrijwilligerswerk', 'beschut_werk', 'werkervaringsplaats'],
  4: ['werkervaringsplaats', 'stage', 'vrijwilligerswerk', 'beschut_werk', 'groepsdetachering'],
  5: ['proefplaatsing', 'detachering', 'leerwerkbaan', 'werkervaringsplaats', 'groepsdetachering'],
  6: ['regulier', 'detachering', 'proefplaatsing', 'leerwerkbaan'],
};

const WISHES: Weighted<WerksoortCode> = [
  ['productie', 20],
  ['groen', 18],
  ['logistiek', 16],
  ['catering', 14],
  ['schoonmaak', 12],
  ['administratief', 10],
  ['personenvervoer', 5],
];

const DAYPARTS: Weighted<readonly Daypart[]> = [
  [['ochtend', 'middag'], 50],
  [['ochtend'], 25],
  [['middag'], 8],
  [['ochtend', 'middag', 'avond'], 7],
  [['middag', 'avond'], 5],
  [['avond'], 3],
  [['avond', 'nacht'], 2],
];

/** Typical travel range per way of travelling: [min, max] km. */
const TRAVEL_KM: Readonly<Record<TravelMode, readonly [number, number]>> = {
  lopen: [1.5, 4],
  fiets: [4, 12],
  ebike: [8, 20],
  ov: [10, 35],
  auto: [15, 45],
};

const WEEKDAYS: readonly Day[] = ['ma', 'di', 'wo', 'do', 'vr'];

const roundTo = (value: number, step: number) => Math.round(value / step) * step;

function pickWishes(rng: Random, route: Route): WerksoortCode[] {
  const count = rng.weighted([
    [1, 4],
    [2, 4],
    [3, 2],
  ]);
  // Office work asks for more Dutch than most newcomers have yet.
  const pool = route === 'inburgering' ? WISHES.filter(([c]) => c !== 'administratief') : WISHES;
  const wishes = new Set<WerksoortCode>();
  while (wishes.size < count) wishes.add(rng.weighted(pool));
  return [...wishes];
}

function pickInterests(rng: Random, wishes: readonly WerksoortCode[]): string {
  if (rng.chance(0.1)) return '';
  const phrases = new Set<string>();
  for (const code of wishes) {
    if (phrases.size === 0 || rng.chance(0.5))
      phrases.add(rng.pick(WERKSOORT_PROFILES[code].interests));
  }
  for (const phrase of rng.sample(GENERAL_INTERESTS, rng.int(0, 2))) phrases.add(phrase);
  return [...phrases].join(', ');
}

function pickCertificates(rng: Random, wishes: readonly WerksoortCode[], age: number): string[] {
  const wants = (code: WerksoortCode) => wishes.includes(code);
  const certs: string[] = [];
  const maybe = (cert: string, p: number) => {
    if (rng.chance(p)) certs.push(cert);
  };
  maybe('rijbewijs-b', wants('personenvervoer') ? 0.85 : age < 21 ? 0.15 : 0.4);
  maybe('heftruck', wants('logistiek') ? 0.4 : 0.05);
  maybe('reachtruck', wants('logistiek') ? 0.1 : 0.01);
  maybe('vca', wants('groen') || wants('logistiek') || wants('productie') ? 0.25 : 0.05);
  maybe('bhv', 0.08);
  maybe('haccp', wants('catering') ? 0.35 : 0.03);
  if (certs.includes('rijbewijs-b')) maybe('rijbewijs-c', wants('logistiek') ? 0.1 : 0.03);
  if (certs.includes('rijbewijs-c')) maybe('code95', 0.7);
  maybe('kettingzaag', wants('groen') ? 0.15 : 0.01);
  maybe('spuitlicentie', wants('groen') ? 0.08 : 0);
  maybe('ehbo', 0.1);
  return certs;
}

function pickLanguage(rng: Random, route: Route): LanguageLevel {
  return route === 'inburgering'
    ? rng.weighted([
        ['geen', 3],
        ['A1', 30],
        ['A2', 47],
        ['B1', 20],
      ])
    : rng.weighted([
        ['A2', 10],
        ['B1', 30],
        ['B2', 30],
        ['C1', 25],
        ['C2', 5],
      ]);
}

function pickBenefit(rng: Random, route: Route, age: number): BenefitType {
  switch (route) {
    case 'jongeren':
      return rng.weighted([
        ['participatiewet', 60],
        ['wajong', 20],
        ['geen', 20],
      ]);
    case 'banenafspraak':
      return rng.weighted([
        ['wajong', 45],
        ['participatiewet', 45],
        ['wia', 10],
      ]);
    case 'inburgering':
      return rng.chance(0.95) ? 'participatiewet' : 'overig';
    case 'werk': {
      const benefit = rng.weighted<BenefitType>([
        ['participatiewet', 50],
        ['ww', 20],
        ['wia', 10],
        ['ziektewet', 5],
        ['ioaw', 5],
        ['geen', 7],
        ['overig', 3],
      ]);
      // The IOAW is only for people who became unemployed at 50 or older.
      return benefit === 'ioaw' && age < 52 ? 'participatiewet' : benefit;
    }
    case 'participatie':
      return rng.chance(0.92) ? 'participatiewet' : rng.pick(['wia', 'overig'] as const);
  }
}

/** Abilities: the most a person can take on, 0–3. Limits cluster (rug, prikkels) rather than spread evenly. */
function pickAbilities(
  rng: Random,
  rung: number,
  wishes: readonly WerksoortCode[],
  wheelchair: boolean,
) {
  const physical = rng.weighted([
    ['low', 25],
    ['mid', 45],
    ['high', 30],
  ] as const);
  const body = (low: number, high: number) =>
    physical === 'low' ? rng.int(0, low) : physical === 'mid' ? rng.int(1, 2) : rng.int(high, 3);
  const sensitive = rng.chance(rung <= 3 ? 0.4 : 0.2);
  const outdoorLover = wishes.includes('groen') || wishes.includes('personenvervoer');
  return {
    lifting: wheelchair ? rng.int(0, 1) : body(1, 2),
    standing: wheelchair ? 0 : body(1, 2),
    pace: rung <= 3 ? rng.int(0, 2) : rung <= 5 ? rng.int(1, 3) : rng.int(2, 3),
    stimuli: sensitive ? rng.int(0, 1) : rng.int(1, 3),
    outdoor: wheelchair ? rng.int(0, 1) : outdoorLover ? rng.int(2, 3) : rng.int(0, 3),
  };
}

const NOTES = {
  jobcoach: 'Heeft in de eerste maanden een jobcoach nodig.',
  back: 'Rugklachten: niet zwaar tillen.',
  stimuli: 'Raakt snel overprikkeld; een rustige werkplek helpt.',
  language: 'Volgt taalles op dinsdag en donderdag.',
  young: 'Heeft nog geen startkwalificatie en wil leren in de praktijk.',
  wheelchair: 'Gebruikt een rolstoel; de werkplek moet toegankelijk zijn.',
  fewHours: 'Wil starten met weinig uren en rustig opbouwen.',
} as const;
const GENERAL_NOTES = [
  'Mantelzorger voor een ouder; liever niet op woensdag.',
  'Gemotiveerd om te starten, goed gesprek gehad.',
  'Heeft eerder in de bouw gewerkt.',
  'Schulden zijn in beeld bij de schuldhulpverlening.',
  'Alleenstaande ouder; werken kan onder schooltijd.',
  'Heeft een fiets van de gemeente gekregen.',
  'Wil graag een vast ritme in de week.',
];

export interface GeneratedCandidate {
  candidate: CandidateRecord;
  protectedData: ProtectedRecord;
  displayName: string;
}

export function generateCandidate(
  rng: Random,
  caseload: Caseload,
  today: Date,
): GeneratedCandidate {
  const route = rng.weighted(ROUTES);
  const rung = rng.weighted(RUNGS[route]);
  const age = rng.int(...AGES[route]);
  const wishes = pickWishes(rng, route);

  const [startLow, startHigh, extra] = HOURS_BY_RUNG[rung];
  const hoursMin = roundTo(rng.int(startLow, startHigh), 2);
  const hoursMax = Math.min(36, hoursMin + roundTo(rng.int(0, extra), 2));

  const dayCount = Math.min(5, Math.max(2, Math.ceil(hoursMax / 6)) + rng.int(-1, 1));
  const days = dayCount >= 5 ? [...WEEKDAYS] : rng.sample(WEEKDAYS, Math.max(1, dayCount));
  if (rng.chance(0.2)) days.push('za');
  if (rng.chance(0.05)) days.push('zo');

  const area: PostcodeArea =
    !caseload.municipality && rng.chance(caseload.neighbourShare)
      ? pickNeighbourArea(rng)
      : pickRegionArea(rng, caseload.municipality);
  const { lat, lng } = jitter(rng, area);

  const certificates = pickCertificates(rng, wishes, age);
  const travelMode = rng.weighted<TravelMode>([
    ['fiets', 38],
    ['ebike', 12],
    ['ov', 20],
    ['auto', certificates.includes('rijbewijs-b') ? 40 : 0],
    ['lopen', 8],
  ]);
  const [kmMin, kmMax] = TRAVEL_KM[travelMode];
  const wheelchair = rng.chance(0.03);
  const abilities = pickAbilities(rng, rung, wishes, wheelchair);
  const banenafspraak = route === 'banenafspraak' || rng.chance(0.03);
  const needsJobcoach = rng.chance(rung <= 4 ? 0.45 : banenafspraak ? 0.55 : 0.15);
  const languageLevel = pickLanguage(rng, route);

  // Most candidates leave arrangements to their rung's defaults; some plans say otherwise.
  let arrangements: Arrangement[] | null = null;
  if (rng.chance(0.25)) {
    const options = ARRANGEMENTS_BY_RUNG[rung];
    arrangements = rng.sample(options, rng.int(1, Math.min(3, options.length)));
    if (rung === 6 && !arrangements.includes('regulier')) arrangements.unshift('regulier');
  }

  const candidateId = rng.uuid();
  // Registered some time in the last two years; measured and ended after that.
  const registeredDaysAgo = rng.int(0, 729);
  const createdAt = pastMoment(today, registeredDaysAgo, rng.int(7 * 3600, 18 * 3600));
  const candidate: CandidateRecord = {
    id: candidateId,
    created_at: createdAt,
    updated_at: createdAt,
    organisation_id: caseload.organisationId,
    werkmakelaar_id: rng.pick(caseload.werkmakelaarIds),
    werksoort_wishes: wishes,
    interests: pickInterests(rng, wishes),
    hours_min: hoursMin,
    hours_max: hoursMax,
    days,
    dayparts: [...rng.weighted(DAYPARTS)],
    postcode: postcodeIn(rng, area),
    place: area.place,
    lat,
    lng,
    travel_mode: travelMode,
    max_travel_km: rng.chance(0.92) ? roundTo(kmMin + rng.next() * (kmMax - kmMin), 0.5) : null,
    max_travel_minutes: rng.chance(travelMode === 'ov' ? 0.6 : 0.2) ? 5 * rng.int(3, 12) : null,
    ladder_rung: rung,
    // Measured again every half year (LADDER_OUTDATED after six months): most in the last 170 days.
    ladder_measured_on: isoDate(
      addDays(
        today,
        -rng.int(0, rng.chance(0.85) ? Math.min(registeredDaysAgo, 170) : registeredDaysAgo),
      ),
    ),
    route,
    arrangements,
    certificates,
    language_level: languageLevel,
    ability_lifting: abilities.lifting,
    ability_standing: abilities.standing,
    ability_pace: abilities.pace,
    ability_stimuli: abilities.stimuli,
    ability_outdoor: abilities.outdoor,
    needs_jobcoach: needsJobcoach,
    needs_buddy: rng.chance(rung <= 4 ? 0.3 : 0.15),
    needs_wheelchair_access: wheelchair,
    trajectory_ended_on: rng.chance(0.04)
      ? isoDate(addDays(today, -rng.int(0, registeredDaysAgo)))
      : null,
  };

  const newcomer = route === 'inburgering';
  const { firstName, lastName } = randomPerson(rng, newcomer);
  const benefit = pickBenefit(rng, route, age);

  const notes: string[] = [];
  if (needsJobcoach) notes.push(NOTES.jobcoach);
  if (abilities.lifting === 0 && !wheelchair) notes.push(NOTES.back);
  if (abilities.stimuli === 0) notes.push(NOTES.stimuli);
  if (newcomer && rng.chance(0.6)) notes.push(NOTES.language);
  if (route === 'jongeren' && rng.chance(0.5)) notes.push(NOTES.young);
  if (wheelchair) notes.push(NOTES.wheelchair);
  if (hoursMax <= 8) notes.push(NOTES.fewHours);
  if (rng.chance(0.3)) notes.push(rng.pick(GENERAL_NOTES));

  const protectedData: ProtectedRecord = {
    candidate_id: candidateId,
    created_at: createdAt,
    updated_at: createdAt,
    first_name: firstName,
    last_name: lastName,
    email: rng.chance(0.9)
      ? `${asciiSlug(firstName)}.${asciiSlug(lastName)}${rng.int(1, 99)}@mail.demo`
      : null,
    phone: rng.chance(0.95) ? mobile(rng) : null,
    address: streetAddress(rng, false),
    date_of_birth: birthDate(today, age, rng.int(0, 364)),
    benefit_type: benefit,
    banenafspraak,
    loonwaarde_pct:
      (banenafspraak && rng.chance(0.85)) || (benefit === 'participatiewet' && rng.chance(0.1))
        ? roundTo(rng.int(30, 100), 5)
        : null,
    notes: notes.join(' '),
  };
  return { candidate, protectedData, displayName: `${firstName} ${lastName}` };
}
