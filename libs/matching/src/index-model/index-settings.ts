import type { Settings } from 'meilisearch';

export const VACANCIES = 'vacancies';
export const CANDIDATES = 'candidates';

/** How many hits one search can reach (offset + limit), in both indexes. */
export const MAX_TOTAL_HITS = 1000;

/** Common Dutch function words: they carry no meaning for matching and would dilute relevance. */
export const DUTCH_STOP_WORDS = [
  'de',
  'het',
  'een',
  'en',
  'of',
  'in',
  'op',
  'aan',
  'met',
  'voor',
  'van',
  'te',
  'bij',
  'naar',
  'om',
  'tot',
  'uit',
  'over',
  'als',
  'dat',
  'die',
  'dit',
  'deze',
  'er',
  'is',
  'zijn',
  'was',
  'wordt',
  'worden',
  'je',
  'jij',
  'u',
  'ik',
  'we',
  'wij',
  'ze',
  'zij',
  'hij',
  'mijn',
  'ons',
  'onze',
  'jouw',
  'uw',
  'ook',
  'niet',
  'wel',
  'maar',
  'dan',
  'nog',
  'al',
  'wat',
  'waar',
  'hoe',
  'heel',
  'graag',
  'erg',
  'veel',
  'zo',
  'door',
  'na',
  'per',
];

export interface WerksoortTerms {
  code: string;
  name: string;
  synonyms: string[];
}

/** Every werksoort term is a synonym of the others, so "hovenier" also finds "groen" work. */
export function synonymsFrom(werksoorten: WerksoortTerms[]): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const w of werksoorten) {
    const terms = [
      ...new Set([w.code, w.name.toLowerCase(), ...w.synonyms.map((s) => s.toLowerCase())]),
    ];
    for (const term of terms) {
      map[term] = [...new Set([...(map[term] ?? []), ...terms.filter((t) => t !== term)])].sort();
    }
  }
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => a.localeCompare(b)));
}

const RANKING_RULES = ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'];
const TYPO_TOLERANCE = { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } };

/**
 * Indexing cost we would pay on every write for nothing: no facet search endpoint is called (facet
 * counts still work), and word proximity per attribute is enough for ranking short fields.
 */
const LEAN = { facetSearch: false, proximityPrecision: 'byAttribute' } as const satisfies Settings;

/** Settings live in code; the applier sends only what differs from the index. */
export function vacancySettings(synonyms: Record<string, string[]>): Settings {
  return {
    searchableAttributes: ['title', 'werksoortTerms', 'description', 'employerName', 'place'],
    // Only what a filter uses (matching.service, meili-filters, vacancy-search.service): every
    // filterable attribute is a facet database Meilisearch builds and keeps for each write.
    filterableAttributes: [
      'open',
      'employerId',
      'employerOwnerOrganisationId',
      'employerRegions',
      'werksoortCode',
      // `?isco=` on search and matching (the werksoort's ISCO-08 unit group).
      'iscoCode',
      'arrangements',
      'hoursMin',
      'hoursMax',
      'hoursAdjustable',
      'workingDays',
      'dayparts',
      'requiredCertificates',
      'minLanguageRank',
      'demandLifting',
      'demandStanding',
      'demandPace',
      'demandStimuli',
      'demandOutdoor',
      'wheelchairAccessible',
      // Boxes, rings and the search's circle on plain numbers: no `_geo`, whose R-tree Meilisearch
      // rewrites whole on every batch (engine/nearest-first.ts).
      'lat',
      'lng',
    ].sort(),
    sortableAttributes: [],
    displayedAttributes: ['*'],
    rankingRules: RANKING_RULES,
    stopWords: [...DUTCH_STOP_WORDS].sort(),
    synonyms,
    typoTolerance: TYPO_TOLERANCE,
    faceting: { maxValuesPerFacet: 100 },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    ...LEAN,
  };
}

export function candidateSettings(synonyms: Record<string, string[]>): Settings {
  return {
    searchableAttributes: ['interests', 'werksoortTerms'],
    filterableAttributes: [
      'active',
      'organisationId',
      'arrangementsAccepted',
      'hoursMin',
      'hoursMax',
      'days',
      'dayparts',
      'rangeKm',
      'certificates',
      'languageRank',
      'abilityLifting',
      'abilityStanding',
      'abilityPace',
      'abilityStimuli',
      'abilityOutdoor',
      'needsWheelchairAccess',
      'lat',
      'lng',
    ].sort(),
    sortableAttributes: [],
    displayedAttributes: ['*'],
    rankingRules: RANKING_RULES,
    stopWords: [...DUTCH_STOP_WORDS].sort(),
    synonyms,
    typoTolerance: TYPO_TOLERANCE,
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    ...LEAN,
    // Candidates are searched with whole workplace titles, never typed letter by letter.
    prefixSearch: 'disabled',
  };
}
