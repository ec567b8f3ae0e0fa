import type { Day } from '@werkbrug/domain';
import type { InterestSignalView } from '@werkbrug/interests';
import type { BlockerCode } from '@werkbrug/matching';
import {
  arrangementWords,
  blockerView,
  type ArrangementWordsView,
  type BlockerView,
} from './common.view';
import { numberedPager, type Choice, type Pager } from '@werkbrug/web';
import { DAY_WORDS, hoursWords, INTEREST_STATUS_WORDS, kmWords, listWords } from './plain-words';

/** What the pages need of a workplace in a match list (the engine's vacancy summary). */
export interface WorkplaceSummary {
  id: string;
  title: string;
  employerName: string;
  place: string;
  hoursMin: number;
  hoursMax: number;
}

export interface MatchInput {
  vacancy: WorkplaceSummary;
  distanceKm: number;
  reasons: readonly { text: string }[];
}

export interface NearMissInput {
  vacancy: WorkplaceSummary;
  distanceKm: number;
  blockers: readonly { code: BlockerCode; text: string }[];
}

/** The candidate's suggestions, or null when search is down. */
export type SuggestionsInput = {
  items: readonly MatchInput[];
  nearMisses: readonly NearMissInput[];
} | null;

export type WorkplaceCardView = {
  id: string;
  title: string;
  employerName: string;
  place: string;
  distance: string;
  hours: string;
};

/** How many matches the list asks for: the workplace page asks the same, so one answer serves both. */
export const SUGGESTION_LIMIT = 50;
/** A phone shows this many matches at a time; "Toon meer" goes to the next ten (`?pagina=`). */
export const SUGGESTIONS_PER_PAGE = 10;
/** Near misses shown open; the rest fold away behind "Toon nog …". */
export const NEAR_MISSES_OPEN = 3;

type NearMissCardView = WorkplaceCardView & { blockers: BlockerView[] };

/** kandidaat/werkplekken */
export type SuggestionsPageView = {
  title: string;
  waitingCount: number;
  werksoortOptions: Choice[];
  werksoort: string;
  searchDown: boolean;
  /** All matches found (every page). */
  total: number;
  /** "Werkplek 11 tot en met 20 van 34", when there is more than one page. */
  range: string | null;
  items: (WorkplaceCardView & { reasons: string[] })[];
  pager: Pager;
  nearMissCount: number;
  nearMisses: NearMissCardView[];
  moreNearMisses: NearMissCardView[];
};

const card = (v: WorkplaceSummary, distanceKm: number): WorkplaceCardView => ({
  id: v.id,
  title: v.title,
  employerName: v.employerName,
  place: v.place,
  distance: kmWords(distanceKm),
  hours: hoursWords(v.hoursMin, v.hoursMax),
});

/** The page a `?pagina=` asks for, within the pages there are. */
export const suggestionsPage = (page: number, total: number) =>
  Math.min(page, Math.max(1, Math.ceil(total / SUGGESTIONS_PER_PAGE)));

export function suggestionsPageView(input: {
  kinds: readonly { code: string; name: string }[];
  werksoort: string | undefined;
  found: SuggestionsInput;
  waitingCount: number;
  /** 1 when left out. */
  page?: number;
}): SuggestionsPageView {
  const result = input.found ?? { items: [], nearMisses: [] };
  const total = result.items.length;
  const page = suggestionsPage(input.page ?? 1, total);
  const from = (page - 1) * SUGGESTIONS_PER_PAGE;
  const shown = result.items.slice(from, from + SUGGESTIONS_PER_PAGE);
  const nearMisses = result.nearMisses.map((n) => ({
    ...card(n.vacancy, n.distanceKm),
    blockers: n.blockers.map(blockerView),
  }));
  return {
    title: 'Mijn werkplekken',
    waitingCount: input.waitingCount,
    werksoortOptions: [
      { value: '', text: 'Alle soorten werk' },
      ...input.kinds.map((k) => ({ value: k.code, text: k.name })),
    ],
    werksoort: input.werksoort ?? '',
    searchDown: input.found === null,
    total,
    range:
      total > SUGGESTIONS_PER_PAGE
        ? `Werkplek ${from + 1} tot en met ${from + shown.length} van ${total}.`
        : null,
    items: shown.map((m) => ({
      ...card(m.vacancy, m.distanceKm),
      reasons: m.reasons.map((r) => r.text),
    })),
    pager: numberedPager({
      path: '/kandidaat',
      anchor: 'passend',
      label: 'Meer werkplekken',
      page,
      hasNext: from + SUGGESTIONS_PER_PAGE < total,
      params: { werksoort: input.werksoort },
      nextText: 'Toon meer werkplekken',
      prevText: 'Vorige werkplekken',
    }),
    nearMissCount: nearMisses.length,
    nearMisses: nearMisses.slice(0, NEAR_MISSES_OPEN),
    moreNearMisses: nearMisses.slice(NEAR_MISSES_OPEN),
  };
}

/** What the workplace page needs of the vacancy (VacanciesService.get). */
export interface WorkplaceInput {
  id: string;
  title: string;
  description: string;
  employerName: string;
  place: string;
  hoursMin: number;
  hoursMax: number;
  workingDays: readonly Day[];
  arrangements: readonly string[];
  jobcoachWelcome: boolean;
  hoursAdjustable: boolean;
}

/** kandidaat/werkplek */
export type WorkplacePageView = {
  title: string;
  vacancy: {
    id: string;
    title: string;
    description: string;
    employerName: string | null;
    place: string;
    hours: string;
    days: string;
    arrangements: ArrangementWordsView[];
    jobcoachWelcome: boolean;
    hoursAdjustable: boolean;
  };
  distance: string;
  reasons: string[];
  blockers: BlockerView[];
  signal: { status: string } | null;
};

/** How this workplace fits the candidate (MatchingService.fitFor). */
export type WorkplaceFitInput = { distanceKm: number } & (
  | { kind: 'match'; match: MatchInput }
  | { kind: 'nearMiss'; nearMiss: NearMissInput }
  | { kind: 'none' }
);

export function workplacePageView(
  v: WorkplaceInput,
  fit: WorkplaceFitInput,
  signals: readonly Pick<InterestSignalView, 'vacancy' | 'status'>[],
): WorkplacePageView {
  const match = fit.kind === 'match' ? fit.match : null;
  const near = fit.kind === 'nearMiss' ? fit.nearMiss : null;
  const signal = signals.find((s) => s.vacancy.id === v.id && s.status !== 'ingetrokken');
  return {
    title: v.title,
    vacancy: {
      id: v.id,
      title: v.title,
      description: v.description,
      employerName: v.employerName,
      place: v.place,
      hours: hoursWords(v.hoursMin, v.hoursMax),
      days: listWords(v.workingDays.map((d) => DAY_WORDS[d])),
      arrangements: arrangementWords(v.arrangements),
      jobcoachWelcome: v.jobcoachWelcome,
      hoursAdjustable: v.hoursAdjustable,
    },
    distance: kmWords(fit.distanceKm),
    reasons: match?.reasons.map((r) => r.text) ?? [],
    blockers: near?.blockers.map(blockerView) ?? [],
    signal: signal ? { status: INTEREST_STATUS_WORDS[signal.status] } : null,
  };
}

/** kandidaat/interesse */
export type InterestListPageView = {
  title: string;
  signals: {
    id: string;
    vacancy: { id: string; title: string; employerName: string; place: string };
    status: string;
    open: boolean;
    createdAt: string;
  }[];
};

export const interestListPageView = (
  signals: readonly Pick<InterestSignalView, 'id' | 'vacancy' | 'status' | 'createdAt'>[],
): InterestListPageView => ({
  title: 'Mijn interesse',
  signals: signals.map((s) => ({
    id: s.id,
    vacancy: {
      id: s.vacancy.id,
      title: s.vacancy.title,
      employerName: s.vacancy.employerName,
      place: s.vacancy.place,
    },
    status: INTEREST_STATUS_WORDS[s.status],
    open: s.status !== 'ingetrokken',
    createdAt: s.createdAt,
  })),
});
