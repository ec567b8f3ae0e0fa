import { POSTCODE_AREAS } from '@werkbrug/geo';
import { addDays, birthDate, isoDate, pastMoment } from './dates';
import type { CandidateRecord, GeneratedCandidate, ProtectedRecord } from './demo-candidates';
import type { DemoEmployer } from './demo-employers';
import { SECTORS } from './demo-sectors';
import type { VacancyRecord } from './demo-vacancies';
import type { WerksoortCode } from './demo-werksoorten';
import type { Random } from './random';

/**
 * The demo's three accounts belong to one story, the same for every seed: kandidaat1 is in the
 * caseload of werkmakelaar1 (Ferm Werk), and werkgever1 runs a lunchroom that Ferm Werk brought in,
 * with a workplace that fits kandidaat1 well. So the whole journey (proposal, consent, answer,
 * kennismaking, placement) can be played with these three logins (README, "Demo walkthrough").
 */
export const STORY = {
  werkmakelaarEmail: 'werkmakelaar1@fermwerk.demo',
  kandidaatEmail: 'kandidaat1@demo.werkbrug',
  employerName: 'Lunchroom De Kaasmarkt',
  employerSlug: 'lunchroom-de-kaasmarkt',
  /** werkgever1@<slug>.demo, like every demo employer's first login. */
  werkgeverEmail: 'werkgever1@lunchroom-de-kaasmarkt.demo',
  kvkNumber: '30212025',
  workplaceTitle: 'Medewerker lunchroom',
  candidateFirstName: 'Noor',
  candidateLastName: 'Visser',
} as const;

const woerden = (pc4: string) => {
  const area = POSTCODE_AREAS.find((a) => a.pc4 === pc4);
  if (!area) throw new Error(`demo story: postcode area ${pc4} is missing`);
  return area;
};

const HORECA = SECTORS.find((s) => s.key === 'horeca');

/** The lunchroom in the centre of Woerden (werkgever1). */
export function storyEmployer(rng: Random): DemoEmployer {
  if (!HORECA) throw new Error('demo story: the horeca sector is missing');
  const area = woerden('3441');
  return {
    id: rng.uuid(),
    organisationId: rng.uuid(),
    name: STORY.employerName,
    slug: STORY.employerSlug,
    kvkNumber: STORY.kvkNumber,
    sbiCode: '5610',
    sector: HORECA,
    contactName: 'Marieke de Graaf',
    contactEmail: `marieke@${STORY.employerSlug}.demo`,
    contactPhone: '0348-412025',
    area,
    location: {
      address: 'Kerkstraat 12',
      postcode: '3441BS',
      place: area.place,
      lat: 52.0853,
      lng: 4.8829,
    },
    // Only its own workplaces (storyWorkplaces), none generated at random.
    size: 0,
  };
}

type WorkplaceSpec = Pick<
  VacancyRecord,
  | 'title'
  | 'description'
  | 'arrangements'
  | 'hours_min'
  | 'hours_max'
  | 'desired_certificates'
  | 'min_language_level'
  | 'demand_lifting'
  | 'demand_standing'
  | 'demand_pace'
  | 'demand_stimuli'
  | 'demand_outdoor'
  | 'wheelchair_accessible'
  | 'places'
  | 'instruments'
> & { werksoort: WerksoortCode; postedDaysAgo: number };

/**
 * The lunchroom is a social enterprise that trains people, so its workplaces are adapted: adjustable
 * hours, a calm pace, a jobcoach and a buddy welcome. The first is the one kandidaat1 fits: her first
 * wish, her interests in its words, five minutes by bike, the certificate it would like. It has two
 * places, one taken by an earlier placement and one left for her.
 */
const WORKPLACES: readonly WorkplaceSpec[] = [
  {
    title: STORY.workplaceTitle,
    werksoort: 'catering',
    description:
      `${STORY.employerName} in Woerden zoekt een medewerker lunchroom. Je helpt met koken: soep, tosti's ` +
      'en verse broodjes. Je bent gastvrij: koffie zetten voor mensen en een praatje maken hoort erbij. ' +
      'Je houdt de keuken en de zaal schoon. We werken in een klein, rustig team. Je werkt 12 tot 20 uur ' +
      'per week, in de ochtend en de middag. Starten met minder uren kan. Een jobcoach is welkom en een ' +
      'vaste collega helpt je op weg. We beginnen met een proefplaatsing, zodat je rustig kunt wennen.',
    arrangements: ['proefplaatsing', 'regulier'],
    hours_min: 12,
    hours_max: 20,
    desired_certificates: ['haccp'],
    min_language_level: 'A2',
    demand_lifting: 1,
    demand_standing: 2,
    demand_pace: 1,
    demand_stimuli: 2,
    demand_outdoor: 0,
    wheelchair_accessible: false,
    places: 2,
    instruments: ['proefplaatsing', 'loonkostensubsidie', 'no_riskpolis', 'jobcoaching'],
    postedDaysAgo: 21,
  },
  {
    title: 'Keukenhulp',
    werksoort: 'catering',
    description:
      `${STORY.employerName} in Woerden zoekt een keukenhulp. Je snijdt groente, smeert broodjes en ruimt ` +
      'de vaatwasser in en uit. Je werkt rustig en hygiënisch. Je werkt 8 tot 16 uur per week; de tijden ' +
      'spreken we samen af. Een vaste collega helpt je op weg en een jobcoach is welkom.',
    arrangements: ['werkervaringsplaats', 'stage', 'proefplaatsing'],
    hours_min: 8,
    hours_max: 16,
    desired_certificates: [],
    min_language_level: 'A1',
    demand_lifting: 1,
    demand_standing: 1,
    demand_pace: 1,
    demand_stimuli: 1,
    demand_outdoor: 0,
    wheelchair_accessible: true,
    places: 2,
    instruments: ['proefplaatsing', 'jobcoaching'],
    postedDaysAgo: 45,
  },
  {
    title: 'Afwasser',
    werksoort: 'catering',
    description:
      `${STORY.employerName} in Woerden zoekt een afwasser. Je ruimt de vaatwasser in en uit en houdt de ` +
      'keuken schoon. Je hoeft niet veel te praten en je werkt in je eigen tempo. Je werkt 12 tot 24 uur ' +
      'per week. Een jobcoach is welkom.',
    arrangements: ['werkervaringsplaats', 'proefplaatsing', 'detachering'],
    hours_min: 12,
    hours_max: 24,
    desired_certificates: [],
    min_language_level: 'geen',
    demand_lifting: 1,
    demand_standing: 1,
    demand_pace: 1,
    demand_stimuli: 1,
    demand_outdoor: 0,
    wheelchair_accessible: false,
    places: 1,
    instruments: ['proefplaatsing', 'no_riskpolis', 'jobcoaching'],
    postedDaysAgo: 60,
  },
  {
    title: 'Medewerker schoonmaak',
    werksoort: 'schoonmaak',
    description:
      `${STORY.employerName} in Woerden zoekt een medewerker schoonmaak. Je maakt de zaal, de keuken en ` +
      'de toiletten schoon, na sluitingstijd of in de ochtend. Je werkt 8 tot 16 uur per week; de tijden ' +
      'spreken we samen af. Een vaste collega legt alles uit.',
    arrangements: ['werkervaringsplaats', 'proefplaatsing', 'regulier'],
    hours_min: 8,
    hours_max: 16,
    desired_certificates: [],
    min_language_level: 'A1',
    demand_lifting: 1,
    demand_standing: 1,
    demand_pace: 1,
    demand_stimuli: 1,
    demand_outdoor: 0,
    wheelchair_accessible: false,
    places: 1,
    instruments: ['proefplaatsing', 'no_riskpolis'],
    postedDaysAgo: 90,
  },
];

/** The lunchroom's workplaces, kandidaat1's first: all open, at the lunchroom, none filled yet. */
export function storyWorkplaces(
  rng: Random,
  employer: DemoEmployer,
  werksoortIds: ReadonlyMap<WerksoortCode, string>,
  today: Date,
): VacancyRecord[] {
  return WORKPLACES.map(({ werksoort, postedDaysAgo, ...spec }) => {
    const createdAt = pastMoment(today, postedDaysAgo, 10 * 3600);
    return {
      ...spec,
      id: rng.uuid(),
      created_at: createdAt,
      updated_at: createdAt,
      employer_id: employer.id,
      werksoort_id: werksoortIds.get(werksoort) as string,
      ...employer.location,
      working_days: ['ma', 'di', 'wo', 'do', 'vr'],
      dayparts: ['ochtend', 'middag'],
      hours_adjustable: true,
      hours_adjustment_note: 'Starten met minder uren kan. We bouwen samen op.',
      required_certificates: [],
      jobcoach_welcome: true,
      buddy_available: true,
      places_filled: 0,
      start_date: null,
      status: 'open',
    };
  });
}

/** kandidaat1: Noor, in Woerden, wants work in a kitchen or lunchroom and is ready for a proefplaatsing. */
export function storyCandidate(
  rng: Random,
  organisationId: string,
  werkmakelaarId: string,
  today: Date,
): GeneratedCandidate {
  const area = woerden('3443');
  const id = rng.uuid();
  const createdAt = pastMoment(today, 150, 9 * 3600);
  const candidate: CandidateRecord = {
    id,
    created_at: createdAt,
    updated_at: pastMoment(today, 40, 11 * 3600),
    organisation_id: organisationId,
    werkmakelaar_id: werkmakelaarId,
    werksoort_wishes: ['catering', 'schoonmaak'],
    interests: 'koken, koffie zetten voor mensen, gastvrij zijn',
    hours_min: 16,
    hours_max: 20,
    days: ['ma', 'di', 'do', 'vr'],
    dayparts: ['ochtend', 'middag'],
    postcode: '3443TK',
    place: area.place,
    lat: 52.0902,
    lng: 4.8911,
    travel_mode: 'fiets',
    max_travel_km: 8,
    max_travel_minutes: null,
    ladder_rung: 5,
    ladder_measured_on: isoDate(addDays(today, -40)),
    route: 'werk',
    arrangements: null,
    certificates: ['haccp'],
    language_level: 'B1',
    ability_lifting: 2,
    ability_standing: 2,
    ability_pace: 2,
    ability_stimuli: 2,
    ability_outdoor: 1,
    needs_jobcoach: true,
    needs_buddy: true,
    needs_wheelchair_access: false,
    trajectory_ended_on: null,
  };
  const protectedData: ProtectedRecord = {
    candidate_id: id,
    created_at: createdAt,
    updated_at: createdAt,
    first_name: STORY.candidateFirstName,
    last_name: STORY.candidateLastName,
    email: STORY.kandidaatEmail,
    phone: '06-41202025',
    address: 'Rembrandtlaan 31',
    date_of_birth: birthDate(today, 29, 80),
    benefit_type: 'participatiewet',
    banenafspraak: false,
    loonwaarde_pct: null,
    notes:
      'Wil graag in de horeca werken en heeft de HACCP-cursus gehaald. Start met een jobcoach en een vaste collega.',
  };
  return {
    candidate,
    protectedData,
    displayName: `${STORY.candidateFirstName} ${STORY.candidateLastName}`,
  };
}
