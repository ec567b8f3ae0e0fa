/**
 * Dutch words for the codes the API uses, at B1 level: one place, so every page and portal says
 * the same thing. Keys are the API's codes.
 */
export const LABELS = {
  role: {
    admin: 'Beheerder',
    werkmakelaar: 'Werkmakelaar',
    werkgever: 'Werkgever',
    kandidaat: 'Kandidaat',
  },
  day: {
    ma: 'maandag',
    di: 'dinsdag',
    wo: 'woensdag',
    do: 'donderdag',
    vr: 'vrijdag',
    za: 'zaterdag',
    zo: 'zondag',
  },
  daypart: {
    ochtend: 'ochtend (6 tot 12 uur)',
    middag: 'middag (12 tot 18 uur)',
    avond: 'avond (18 tot 24 uur)',
    nacht: 'nacht (0 tot 6 uur)',
  },
  arrangement: {
    proefplaatsing: 'Proefplaatsing',
    detachering: 'Detachering',
    groepsdetachering: 'Groepsdetachering',
    werkervaringsplaats: 'Werkervaringsplaats',
    leerwerkbaan: 'Leerwerkbaan',
    stage: 'Stage',
    vrijwilligerswerk: 'Vrijwilligerswerk',
    beschut_werk: 'Beschut werk',
    regulier: 'Gewone baan',
  },
  arrangementHint: {
    proefplaatsing:
      'De kandidaat werkt een paar maanden met behoud van uitkering. Daarna kiest u of u een contract geeft.',
    detachering:
      'De kandidaat blijft in dienst van het werkbedrijf en werkt bij u. U betaalt een vergoeding.',
    groepsdetachering:
      'Een groep met een eigen begeleider werkt bij u, in dienst van het werkbedrijf.',
    werkervaringsplaats: 'De kandidaat doet werkervaring op met begeleiding. Er is geen contract.',
    leerwerkbaan: 'Werken en leren tegelijk, vaak met een opleiding of certificaat erbij.',
    stage: 'Leren in de praktijk, vaak als deel van een opleiding.',
    vrijwilligerswerk: 'Werk zonder loon, om weer ritme en contacten op te bouwen.',
    beschut_werk: 'Werk met veel begeleiding en aanpassingen, met een contract en loon.',
    regulier: 'Een gewone baan met een arbeidscontract bij u.',
  },
  vacancyStatus: {
    open: 'Open',
    paused: 'Gepauzeerd',
    filled: 'Vol',
    closed: 'Gesloten',
  },
  proposalStatus: {
    voorgesteld: 'Voorgesteld',
    wacht_op_kandidaat: 'Wacht op de kandidaat',
    wacht_op_werkgever: 'Wacht op uw antwoord',
    kennismaking: 'Kennismaking',
    meeloopdag: 'Meeloopdag',
    geplaatst: 'Geplaatst',
    ingetrokken: 'Ingetrokken',
    afgewezen: 'Afgewezen',
  },
  languageLevel: {
    geen: 'Geen eis',
    A1: 'A1: een paar woorden',
    A2: 'A2: eenvoudige zinnen',
    B1: 'B1: gewone gesprekken',
    B2: 'B2: ingewikkelde gesprekken',
    C1: 'C1: bijna alles',
    C2: 'C2: alles, als moedertaal',
  },
  /** Instruments (subsidies and arrangements around a placement), by their API code. */
  instrument: {
    loonkostensubsidie: 'Loonkostensubsidie',
    no_riskpolis: 'No-riskpolis',
    jobcoaching: 'Jobcoaching',
    proefplaatsing: 'Proefplaatsing met behoud van uitkering',
    lkv: 'Loonkostenvoordeel (LKV)',
    werkplekaanpassing: 'Aanpassing van de werkplek',
    uitstroompremie: 'Uitstroompremie',
    scholingsvoucher: 'Scholingsvoucher',
    sroi: 'Social return (SROI)',
  },
  /** How a placement ended, as the employer sees it: an early end without its reason. */
  placementOutcomeForEmployer: {
    contract: 'Contract',
    detachering_loopt_door: 'Detachering loopt door',
    studie: 'Gaat een opleiding doen',
    vrijwilligerswerk_participatie: 'Vrijwilligerswerk',
    voortijdig_niet_haalbaar: 'Eerder gestopt',
    voortijdig_zelf_beeindigd: 'Eerder gestopt',
    voortijdig_overig: 'Eerder gestopt',
  },
} as const;

/** One of the label groups above. */
export type LabelGroup = keyof typeof LABELS;

export function labelOf(group: string, code: unknown): string {
  const table = (LABELS as Record<string, Record<string, string>>)[group];
  const key = String(code ?? '');
  return table?.[key] ?? key;
}
