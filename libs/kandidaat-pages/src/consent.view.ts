import { certificateName, dutchDate, today } from '@werkbrug/domain';
import type { PlacementView } from '@werkbrug/placements';
import type { Choice } from '@werkbrug/web';
import { arrangementName } from './common.view';
import { hoursWords, listWords, PROPOSAL_STATUS_FOR_CANDIDATE } from './plain-words';

/** How long a consent holds when the candidate says yes. */
export const CONSENT_DAYS = 90;

/** What the consent pages need of a proposal (the candidate's ProposalView from @werkbrug/proposals). */
export interface ConsentInput {
  id: string;
  status: string;
  vacancy: { id: string; title: string; employerName: string; place: string };
  motivation: string;
  werkmakelaar: { name: string };
  consent: { sharedFields: readonly string[]; expiresAt: string; active: boolean } | null;
  sharePreview: {
    firstName: string | null;
    werkmakelaarContact: { name: string };
    anonymousProfile: {
      pseudonym: string;
      place: string;
      hoursMin: number;
      hoursMax: number;
      certificates: readonly string[];
      workConditions: readonly string[];
    };
    /** The motivation as the employer reads it: what would identify you and is not shared, masked. */
    motivation: string;
  };
}

const statusWords = (status: string) => PROPOSAL_STATUS_FOR_CANDIDATE[status] ?? status;

/** What the employer sees, in words: always the work profile, plus what the candidate chose. */
export function sharedWords(p: ConsentInput, fields: readonly string[]): string[] {
  const a = p.sharePreview.anonymousProfile;
  return [
    `Je profiel zonder naam: ${a.pseudonym}, woonplaats ${a.place}, ${hoursWords(a.hoursMin, a.hoursMax)}`,
    ...(a.certificates.length
      ? [`Je certificaten: ${listWords(a.certificates.map(certificateName))}`]
      : []),
    `Wat je kunt: ${listWords(a.workConditions.filter(Boolean))}`,
    `Wat je werkmakelaar over je schrijft: „${p.sharePreview.motivation}”`,
    ...(fields.includes('firstName') && p.sharePreview.firstName
      ? [`Je voornaam: ${p.sharePreview.firstName}`]
      : []),
    ...(fields.includes('werkmakelaarContact')
      ? [`Naam en e-mail van je werkmakelaar: ${p.sharePreview.werkmakelaarContact.name}`]
      : []),
  ];
}

export type ConsentRowView = {
  id: string;
  vacancy: { id: string; title: string; employerName: string; place: string };
  status: string;
  expiresAt: string | undefined;
  shared: string[];
};

/** kandidaat/toestemming */
export type ConsentsPageView = {
  title: string;
  waiting: ConsentRowView[];
  sharing: ConsentRowView[];
  done: ConsentRowView[];
};

const row = (p: ConsentInput): ConsentRowView => ({
  id: p.id,
  vacancy: p.vacancy,
  status: statusWords(p.status),
  expiresAt: p.consent?.expiresAt,
  shared: sharedWords(p, p.consent?.sharedFields ?? []),
});

export const consentsPageView = (all: readonly ConsentInput[]): ConsentsPageView => ({
  title: 'Toestemming',
  waiting: all.filter((p) => p.status === 'wacht_op_kandidaat').map(row),
  sharing: all.filter((p) => p.consent?.active).map(row),
  done: all.filter((p) => p.status !== 'wacht_op_kandidaat' && !p.consent?.active).map(row),
});

/** kandidaat/toestemming-vraag */
export type ConsentRequestPageView = {
  /** Where the proposal stands: the question while it waits for you, then your proposal or placement. */
  title: string;
  proposal: {
    id: string;
    vacancy: { title: string; employerName: string; place: string };
    motivation: string;
    werkmakelaar: { name: string };
  };
  status: string;
  canAnswer: boolean;
  canStop: boolean;
  always: string[];
  shared: string[];
  expiresAt: string | null;
  until: string;
  shareOptions: Choice[];
  /** The placement that followed (geplaatst), with its status from the start date. */
  placement: CandidatePlacementWords | null;
};

/** The question still to answer: then the page asks it. */
const ASKING = ['voorgesteld', 'wacht_op_kandidaat'];

const requestTitle = (status: string, employer: string) =>
  status === 'geplaatst'
    ? `Je plaatsing bij ${employer}`
    : ASKING.includes(status)
      ? `Mag je werkmakelaar je voorstellen bij ${employer}?`
      : `Je voorstel bij ${employer}`;

/**
 * `now` is when the page is made: the consent would hold until CONSENT_DAYS later, and a placement
 * starts or has started by the Dutch date of `now`.
 */
export function consentRequestPageView(
  p: ConsentInput,
  now: Date,
  placed: CandidatePlacementInput | null = null,
): ConsentRequestPageView {
  const placement =
    p.status === 'geplaatst' && placed
      ? candidatePlacementWords(placed, p.vacancy.employerName, today(now))
      : null;
  return {
    title: requestTitle(p.status, p.vacancy.employerName),
    proposal: {
      id: p.id,
      vacancy: {
        title: p.vacancy.title,
        employerName: p.vacancy.employerName,
        place: p.vacancy.place,
      },
      motivation: p.motivation,
      werkmakelaar: { name: p.werkmakelaar.name },
    },
    status: placement?.status ?? statusWords(p.status),
    canAnswer: p.status === 'wacht_op_kandidaat',
    canStop: p.consent?.active ?? false,
    always: sharedWords(p, []),
    shared: sharedWords(p, p.consent?.sharedFields ?? []),
    expiresAt: p.consent?.expiresAt ?? null,
    until: new Date(now.getTime() + CONSENT_DAYS * 86_400_000).toISOString(),
    shareOptions: [
      ...(p.sharePreview.firstName
        ? [{ value: 'firstName', text: `Mijn voornaam (${p.sharePreview.firstName})` }]
        : []),
      {
        value: 'werkmakelaarContact',
        text: `Naam en e-mail van mijn werkmakelaar (${p.werkmakelaar.name})`,
      },
    ],
    placement,
  };
}

/** The placement that followed a proposal, in the candidate's words (the page `toestemming-vraag`). */
export interface CandidatePlacementWords {
  heading: string;
  /** Where it stands by the start date: "Je begint op …", "Je werkt hier sinds …". */
  status: string;
  lines: string[];
}

export type CandidatePlacementInput = Pick<
  PlacementView,
  'startDate' | 'plannedEndDate' | 'hoursPerWeek' | 'arrangement' | 'status' | 'confirmation'
> & { outcome?: { endedOn: string | null } | null };

/** `on` is today's Dutch date (YYYY-MM-DD): before the start date you have not begun yet. */
export function candidatePlacementWords(
  p: CandidatePlacementInput,
  employerName: string | null,
  on: string = today(),
): CandidatePlacementWords {
  const employer = employerName ?? 'de werkgever';
  const until = p.plannedEndDate ? ` tot ${dutchDate(p.plannedEndDate)}` : '';
  const start = dutchDate(p.startDate);
  const begun = p.startDate <= on;
  const endedOn = p.outcome?.endedOn ?? null;
  const status =
    p.status === 'beeindigd'
      ? endedOn
        ? `Je werkte hier van ${start} tot ${dutchDate(endedOn)}`
        : 'Je plaatsing is afgelopen'
      : begun
        ? `Je werkt hier sinds ${start}`
        : `Je begint op ${start}`;
  const lines = [
    begun || p.status === 'beeindigd'
      ? `Je werkt ${p.hoursPerWeek} uur per week bij ${employer}, vanaf ${start}${until}.`
      : `Je gaat ${p.hoursPerWeek} uur per week werken bij ${employer}, vanaf ${start}${until}.`,
    `Vorm: ${arrangementName(p.arrangement)}.`,
  ];
  if (p.status === 'beeindigd') lines.push('Deze plaatsing is afgelopen.');
  else if (p.confirmation.status === 'bevestigd')
    lines.push(`${employer} heeft de plaatsing bevestigd.`);
  else
    lines.push(
      `${employer} moet de plaatsing nog bevestigen. Je werkmakelaar laat je weten als dat gebeurd is.`,
    );
  return { heading: 'Je plaatsing', status, lines };
}
