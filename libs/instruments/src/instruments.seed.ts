import type { InstrumentDefinition, RuleVersion } from './engine/types';

/**
 * The seeded instruments and their rule versions: the 2026 figures, plus the 2025 versions that the
 * 31-12-2025 / 1-1-2026 boundary needs. Every version names its sources. Seeded versions start on
 * 2025-01-01 at the earliest: a date before that has no rule in force and gets a 422, never a guess.
 * A version without an end date stays in force until an administrator adds the next one.
 *
 * "lastChecked" is the date these figures were entered from the listed sources. "knownUntil" is the
 * horizon: the 2026 figures are known up to 31 December 2026 (the minimum wage's next indexation is
 * 1 January 2027); past it, with no newer version, answers are provisional.
 */

const CHECKED = '2026-11-29';

export const SEED_INSTRUMENTS: InstrumentDefinition[] = [
  {
    code: 'wml',
    name: 'Wettelijk minimumloon',
    description:
      'Het laagste loon dat een werkgever mag betalen. Andere bedragen rekenen hiermee. Dit is geen subsidie.',
    grantor: 'none',
    recipient: 'werkgever',
    howToApply: 'Niets aanvragen: dit is het minimumloon per uur.',
    deadlineRule: 'Geen.',
    calculator: 'wml',
    sortOrder: 10,
  },
  {
    code: 'loonkostensubsidie',
    name: 'Loonkostensubsidie',
    description:
      'De gemeente betaalt de werkgever een deel van het loon, omdat de werknemer (nog) niet alles van het werk kan doen.',
    grantor: 'gemeente',
    recipient: 'werkgever',
    howToApply: 'Bij de gemeente van de werknemer, na een loonwaardebepaling op de werkplek.',
    deadlineRule: 'Binnen 6 maanden na de start van het contract.',
    calculator: 'loonkostensubsidie',
    sortOrder: 20,
  },
  {
    code: 'lkv_banenafspraak',
    name: 'LKV doelgroep banenafspraak',
    description:
      'Een korting op de loonkosten voor een werknemer die in het doelgroepregister staat.',
    grantor: 'belastingdienst',
    recipient: 'werkgever',
    howToApply: 'Via de loonaangifte bij de Belastingdienst.',
    deadlineRule:
      'Sinds 1-1-2026 geen doelgroepverklaring meer nodig; daarvoor binnen 3 maanden na de start.',
    calculator: 'lkv',
    sortOrder: 30,
  },
  {
    code: 'lkv_arbeidsgehandicapt',
    name: 'LKV arbeidsgehandicapte werknemer',
    description:
      'Een korting op de loonkosten voor een werknemer met een WIA-, WAO-, WAZ- of Wajong-uitkering.',
    grantor: 'belastingdienst',
    recipient: 'werkgever',
    howToApply:
      'Doelgroepverklaring bij UWV aanvragen, daarna via de loonaangifte bij de Belastingdienst.',
    deadlineRule: 'Doelgroepverklaring binnen 3 maanden na de start.',
    calculator: 'lkv',
    sortOrder: 31,
  },
  {
    code: 'lkv_oudere',
    name: 'LKV oudere werknemer (56+)',
    description:
      'Een korting op de loonkosten voor een werknemer van 56 jaar of ouder die een uitkering had. Gestopt voor nieuwe werknemers op 1-1-2026.',
    grantor: 'belastingdienst',
    recipient: 'werkgever',
    howToApply:
      'Doelgroepverklaring bij UWV of de gemeente aanvragen, daarna via de loonaangifte bij de Belastingdienst.',
    deadlineRule: 'Doelgroepverklaring binnen 3 maanden na de start.',
    calculator: 'lkv',
    sortOrder: 32,
  },
  {
    code: 'lkv_een_per_werknemer',
    name: 'Eén LKV per werknemer',
    description: 'Een werkgever krijgt per werknemer maar één LKV: de hoogste die geldt.',
    grantor: 'belastingdienst',
    recipient: 'werkgever',
    howToApply: 'Geen aanvraag: dit is een regel voor de andere LKV’s.',
    deadlineRule: 'Geen.',
    calculator: 'one_lkv',
    sortOrder: 39,
  },
  {
    code: 'no_riskpolis',
    name: 'No-riskpolis',
    description:
      'Wordt de werknemer ziek, dan betaalt UWV een uitkering. De werkgever hoeft het loon dan niet zelf te betalen.',
    grantor: 'uwv',
    recipient: 'werkgever',
    howToApply: 'Bij ziekte: een ziektewet-uitkering aanvragen bij UWV.',
    deadlineRule: 'Ziekmelding bij UWV binnen de termijn van UWV.',
    calculator: 'no_riskpolis',
    sortOrder: 40,
  },
  {
    code: 'proefplaatsing_uwv',
    name: 'Proefplaatsing (UWV)',
    description:
      'De werknemer werkt eerst een tijd mee met behoud van uitkering. De werkgever betaalt geen loon.',
    grantor: 'uwv',
    recipient: 'werkgever',
    howToApply: 'Bij UWV, samen met de werknemer.',
    deadlineRule: 'Vóór de eerste werkdag.',
    calculator: 'proefplaatsing',
    sortOrder: 50,
  },
  {
    code: 'proefplaatsing_gemeente',
    name: 'Proefplaatsing (gemeente)',
    description:
      'De werknemer werkt eerst een tijd mee met behoud van bijstand. De werkgever betaalt geen loon.',
    grantor: 'gemeente',
    recipient: 'werkgever',
    howToApply: 'Bij de gemeente van de werknemer.',
    deadlineRule: 'Vóór de eerste werkdag.',
    calculator: 'proefplaatsing',
    sortOrder: 51,
  },
  {
    code: 'jobcoaching',
    name: 'Jobcoaching',
    description:
      'Een jobcoach helpt de werknemer op de werkplek. De kosten worden (deels) vergoed.',
    grantor: 'uwv',
    recipient: 'werkgever',
    howToApply:
      'Bij UWV (of de gemeente bij de Participatiewet), met een plan voor de begeleiding.',
    deadlineRule: 'Vóór de start van de begeleiding.',
    calculator: 'jobcoaching',
    sortOrder: 60,
  },
  {
    code: 'banenafspraakbonus',
    name: 'Banenafspraakbonus',
    description: 'Staat in de wet, maar is nog niet actief.',
    grantor: 'belastingdienst',
    recipient: 'werkgever',
    howToApply: 'Nog niet mogelijk.',
    deadlineRule: 'Geen.',
    calculator: 'niet_actief',
    sortOrder: 70,
  },
  {
    code: 'inclusiviteitsopslag',
    name: 'Inclusiviteitsopslag',
    description: 'Staat in de wet, maar is nog niet actief.',
    grantor: 'belastingdienst',
    recipient: 'werkgever',
    howToApply: 'Nog niet mogelijk.',
    deadlineRule: 'Geen.',
    calculator: 'niet_actief',
    sortOrder: 71,
  },
  {
    code: 'werkervaringsplaats_premie',
    name: 'Premie werkervaringsplaats',
    description: 'De gemeente geeft de werkgever een premie voor een werkervaringsplaats.',
    grantor: 'gemeente',
    recipient: 'werkgever',
    howToApply: 'Bij de gemeente, bij de start van de werkervaringsplaats.',
    deadlineRule: 'Bij de start.',
    calculator: 'werkervaringsplaats_premie',
    sortOrder: 80,
  },
  {
    code: 'uitstroompremie',
    name: 'Uitstroompremie',
    description:
      'Een premie voor de werknemer zelf, als die uit de bijstand gaat werken en het werk volhoudt.',
    grantor: 'gemeente',
    recipient: 'kandidaat',
    howToApply: 'De werknemer vraagt het aan bij de gemeente, na 6 maanden werk.',
    deadlineRule: 'Na 6 maanden werk.',
    calculator: 'uitstroompremie',
    sortOrder: 81,
  },
];

/** The demo gemeente that carries the local example rules (Ferm Werk region). */
export const DEMO_GEMEENTE = 'Woerden';

const PAID = ['regulier', 'detachering', 'leerwerkbaan', 'beschut_werk', 'groepsdetachering'];

/**
 * The primary publications: the law (wetten.overheid.nl), the Staatscourant, rijksoverheid.nl, the
 * Belastingdienst, UWV and the gemeente's own verordening. Secondary sites that explain them are kept
 * as explanation only (EXPLAINED), never as the source of a figure.
 */
const SOURCES = {
  wml2026:
    'https://www.rijksoverheid.nl/onderwerpen/minimumloon/bedragen-minimumloon/bedragen-minimumloon-2026',
  wml2025:
    'https://www.rijksoverheid.nl/onderwerpen/minimumloon/bedragen-minimumloon/bedragen-minimumloon-2025',
  lks: [
    'https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=10d',
    'https://zoek.officielebekendmakingen.nl/stcrt-2017-68248.html',
  ],
  lkv: [
    'https://wetten.overheid.nl/BWBR0037522',
    'https://www.belastingdienst.nl/wps/wcm/connect/bldcontentnl/themaoverstijgend/brochures_en_publicaties/handboek-loonheffingen-2026',
  ],
  noRisk:
    'https://www.uwv.nl/werkgevers/werknemer-met-uitkering/toelichting-voordelen-en-regelingen/detail/no-riskpolis',
  proefplaatsing:
    'https://www.uwv.nl/werkgevers/werknemer-met-uitkering/toelichting-voordelen-en-regelingen/detail/proefplaatsing/proefplaatsing-langer-dan-2-maanden',
  jobcoaching:
    'https://www.uwv.nl/werkgevers/werknemer-met-uitkering/toelichting-voordelen-en-regelingen/detail/jobcoach',
  notActive: 'https://wetten.overheid.nl/BWBR0051018',
  werkervaringsplaats:
    'https://lokaleregelgeving.overheid.nl/zoeken/resultaat?organisatie=Barneveld&titel=Participatiewet',
  uitstroompremie:
    'https://lokaleregelgeving.overheid.nl/zoeken/resultaat?organisatie=Hof%20van%20Twente&titel=Participatiewet',
};

/** Secondary pages that explain a rule in plain words: shown as explanation, never as the source. */
const EXPLAINED = {
  wml2026:
    'https://www.mkbservicedesk.nl/nieuws/ondernemersnieuws/minimumloon-2026-dit-zijn-de-nieuwe-bedragen-per-1-januari',
  lks: 'https://www.werkzaakrivierenland.nl/ik-bied-werk/nieuws_3266/item/loonkostensubsidie-voor-werkzoekenden-uit-de-participatiewet-wat-betekent-dat-voor-mij-als-werkgever_2881.html',
  lkv: 'https://www.fundamentvoor.nl/node/58952',
  lkvOudere: 'https://www.fiscaris.nl/logica-rond-loonkostenvoordelen-roept-soms-vragen-op/',
  noRisk: 'https://subadvies.nl/subadvies-wiki/no-riskpolis/',
  jobcoaching: 'https://factorwerk.org/jobcoaching-uwv/',
  werkervaringsplaats: 'https://www.barneveld.nl/melden-en-meedoen/werkervaringsplaats-aanbieden',
  uitstroompremie:
    'https://www.hofvantwente.nl/inwoners/werk-en-inkomen/aan-het-werk/uitstroompremie',
};

/** The horizon of the 2026 figures: the next minimum wage indexation, 1 January 2027 (end of year for the others). */
const KNOWN_2026 = '2026-12-31';

type SeedVersion = Omit<RuleVersion, 'id'> & { note: string; explanationUrls: string[] };

const version = (
  instrumentCode: string,
  validFrom: string,
  validTo: string | null,
  params: Record<string, unknown>,
  sourceUrls: string[],
  extra: Partial<SeedVersion> = {},
): SeedVersion => ({
  instrumentCode,
  scope: 'national',
  scopeRef: null,
  params,
  active: true,
  validFrom,
  validTo,
  sourceUrls,
  lastChecked: CHECKED,
  indicative: false,
  note: '',
  // A version that was ended is known up to its end; an open one up to the end of 2026.
  knownUntil: validTo ?? KNOWN_2026,
  explanationUrls: [],
  ...extra,
});

const LKV_BASE = { maxWageFactor: '1.25', arrangements: PAID };

export const SEED_RULE_VERSIONS: SeedVersion[] = [
  // Minimum wage per hour, 21 and older. The 2025 figures are only there for the year boundary.
  version('wml', '2025-01-01', '2025-06-30', { perHour: '14.06', minAge: 21 }, [SOURCES.wml2025], {
    indicative: true,
    note: 'Alleen voor de jaargrens; niet uit de lijst van de issue.',
  }),
  version('wml', '2025-07-01', '2025-12-31', { perHour: '14.40', minAge: 21 }, [SOURCES.wml2025], {
    indicative: true,
    note: 'Alleen voor de jaargrens; niet uit de lijst van de issue.',
  }),
  version('wml', '2026-01-01', null, { perHour: '14.71', minAge: 21 }, [SOURCES.wml2026], {
    explanationUrls: [EXPLAINED.wml2026],
    note: 'Bekend tot de indexatie van 1 januari 2027.',
  }),
  version(
    'loonkostensubsidie',
    '2025-01-01',
    null,
    {
      maxShare: '0.70',
      vakantiebijslag: '1.08',
      werkgeverslasten: '1.235',
      applyWithinMonths: 6,
      benefitTypes: ['participatiewet', 'ioaw', 'geen'],
      arrangements: PAID,
    },
    SOURCES.lks,
    { explanationUrls: [EXPLAINED.lks] },
  ),
  // Before 2026 the banenafspraak LKV needed a doelgroepverklaring within 3 months; since then the register suffices.
  version(
    'lkv_banenafspraak',
    '2025-01-01',
    '2025-12-31',
    {
      target: 'doelgroepregister',
      perHour: '1.01',
      maxPerYear: '2000',
      doelgroepverklaringWithinMonths: 3,
      ...LKV_BASE,
    },
    SOURCES.lkv,
    { explanationUrls: [EXPLAINED.lkv] },
  ),
  version(
    'lkv_banenafspraak',
    '2026-01-01',
    null,
    { target: 'doelgroepregister', perHour: '1.01', maxPerYear: '2000', ...LKV_BASE },
    SOURCES.lkv,
    { explanationUrls: [EXPLAINED.lkv] },
  ),
  version(
    'lkv_arbeidsgehandicapt',
    '2025-01-01',
    null,
    {
      target: 'arbeidsbeperking',
      perHour: '3.05',
      maxPerYear: '6000',
      maxYears: 3,
      doelgroepverklaringWithinMonths: 3,
      benefitTypes: ['wia', 'wajong'],
      ...LKV_BASE,
    },
    SOURCES.lkv,
    { explanationUrls: [EXPLAINED.lkv] },
  ),
  version(
    'lkv_oudere',
    '2025-01-01',
    '2025-12-31',
    {
      target: 'oudere',
      perHour: '3.05',
      maxPerYear: '6000',
      maxYears: 3,
      doelgroepverklaringWithinMonths: 3,
      minAge: 56,
      benefitTypes: ['ww', 'ioaw', 'participatiewet', 'wia', 'wajong', 'ziektewet'],
      ...LKV_BASE,
    },
    SOURCES.lkv,
    {
      note: 'Gestopt voor nieuwe werknemers op 1-1-2026.',
      explanationUrls: [EXPLAINED.lkvOudere, EXPLAINED.lkv],
    },
  ),
  version('lkv_een_per_werknemer', '2025-01-01', null, { keep: 'highest' }, SOURCES.lkv, {
    explanationUrls: [EXPLAINED.lkv],
  }),
  version(
    'no_riskpolis',
    '2025-01-01',
    null,
    {
      benefitTypes: ['wajong', 'wia'],
      doelgroepregister: true,
      yearOne: '70 tot 100%',
      yearTwo: '70%',
      maxWeeks: 104,
      withinYears: 5,
    },
    [SOURCES.noRisk],
    { explanationUrls: [EXPLAINED.noRisk] },
  ),
  version(
    'proefplaatsing_uwv',
    '2025-01-01',
    null,
    {
      months: 2,
      maxTotalMonths: 6,
      minContractIntentMonths: 6,
      benefitTypes: ['ww', 'wia', 'wajong', 'ziektewet'],
    },
    [SOURCES.proefplaatsing],
  ),
  version(
    'proefplaatsing_gemeente',
    '2025-01-01',
    null,
    { months: 2, benefitTypes: ['participatiewet', 'ioaw'] },
    [SOURCES.proefplaatsing],
    { indicative: true, note: 'Verlengen is een regel van de gemeente.' },
  ),
  version(
    'jobcoaching',
    '2025-01-01',
    null,
    {
      minContractMonths: 6,
      minHours: 12,
      minLoonwaarde: 35,
      exceptionMinHours: 8,
      exceptionMinLoonwaarde: 20,
      internalShares: ['0.15', '0.075', '0.06'],
      arrangements: PAID,
    },
    [SOURCES.jobcoaching],
    { indicative: true, explanationUrls: [EXPLAINED.jobcoaching] },
  ),
  version('banenafspraakbonus', '2025-01-01', null, {}, [SOURCES.notActive], { active: false }),
  version('inclusiviteitsopslag', '2025-01-01', null, {}, [SOURCES.notActive], { active: false }),
  version(
    'werkervaringsplaats_premie',
    '2026-01-01',
    null,
    {
      amount: '2100',
      reducedAmount: '1050',
      periodMonths: 7,
      minHours: 16,
      arrangements: ['werkervaringsplaats'],
    },
    [SOURCES.werkervaringsplaats],
    {
      scope: 'gemeente',
      scopeRef: DEMO_GEMEENTE,
      indicative: true,
      note: 'Voorbeeld voor de demogemeente, met de bedragen en de verordening van Barneveld.',
      explanationUrls: [EXPLAINED.werkervaringsplaats],
    },
  ),
  version(
    'uitstroompremie',
    '2026-01-01',
    null,
    { amount: '750', afterMonths: 6, benefitTypes: ['participatiewet'], arrangements: PAID },
    [SOURCES.uitstroompremie],
    {
      scope: 'gemeente',
      scopeRef: DEMO_GEMEENTE,
      indicative: true,
      note: 'Voorbeeld voor de demogemeente, met het bedrag en de verordening van Hof van Twente.',
      explanationUrls: [EXPLAINED.uitstroompremie],
    },
  ),
];

/** The seed as the engine sees it (ids are stable per position, for tests without a database). */
export const seedVersionsForEngine = (): RuleVersion[] =>
  SEED_RULE_VERSIONS.map((v, i) => ({
    id: `seed-${i}`,
    instrumentCode: v.instrumentCode,
    scope: v.scope,
    scopeRef: v.scopeRef,
    params: v.params,
    active: v.active,
    validFrom: v.validFrom,
    validTo: v.validTo,
    sourceUrls: v.sourceUrls,
    lastChecked: v.lastChecked,
    indicative: v.indicative,
    knownUntil: v.knownUntil,
  }));
