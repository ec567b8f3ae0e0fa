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
  /** The arrangement inside a sentence ("Kandidaat K-123456: proefplaatsing stopt op …"), for mails. */
  arrangementInText: {
    proefplaatsing: 'proefplaatsing',
    detachering: 'detachering',
    groepsdetachering: 'groepsdetachering',
    werkervaringsplaats: 'werkervaringsplaats',
    leerwerkbaan: 'leerwerkbaan',
    stage: 'stage',
    vrijwilligerswerk: 'vrijwilligerswerk',
    beschut_werk: 'beschut werk',
    regulier: 'baan',
  },
  /** The participatieladder's six rungs. */
  ladderRung: {
    1: 'geïsoleerd',
    2: 'sociale contacten buiten de deur',
    3: 'deelname aan georganiseerde activiteiten',
    4: 'onbetaald werk',
    5: 'betaald werk met ondersteuning',
    6: 'betaald werk',
  },
  /** How a trajectory ended: the rows of the outcome report (the Ferm Werk table). */
  trajectoryOutcome: {
    werk_proefplaatsing: 'Resultaat werk/proefplaatsing',
    studie: 'Resultaat studie',
    participatie_vrijwilligerswerk: 'Resultaat participatie/vrijwilligerswerk',
    voortijdig_niet_haalbaar: 'Voortijdig beëindigd: niet haalbaar',
    voortijdig_zelf_beeindigd: 'Voortijdig beëindigd: zelf beëindigd',
    voortijdig_overig: 'Voortijdig beëindigd: overig',
    niet_geleid_uitstroom: 'Niet geleid participatie/uitstroom',
  },
  /** Who grants an instrument (where to apply). */
  grantor: {
    belastingdienst: 'Belastingdienst',
    uwv: 'UWV',
    gemeente: 'de gemeente',
    none: 'niemand (geen aanvraag nodig)',
  },
  /** Whether an instrument applies, in an answer. */
  instrumentStatus: {
    applies: 'Kan gelden',
    may_apply: 'Kan misschien gelden',
    does_not_apply: 'Geldt niet',
  },
  /** What the werkmakelaar must do before an instrument's deadline (the deadline mail). */
  instrumentDeadline: {
    lks_aanvraag: 'Loonkostensubsidie aanvragen bij de gemeente',
    doelgroepverklaring: 'Doelgroepverklaring aanvragen bij UWV',
  },
  /** Benefit types (the calculator's question, the facts the werkmakelaar sees). */
  benefitType: {
    participatiewet: 'Bijstand (Participatiewet)',
    wajong: 'Wajong',
    wia: 'WIA',
    ww: 'WW',
    ziektewet: 'Ziektewet',
    ioaw: 'IOAW',
    geen: 'Geen uitkering',
    overig: 'Een andere uitkering',
  },
} as const;

/** One of the label groups above. */
export type LabelGroup = keyof typeof LABELS;

export function labelOf(group: string, code: unknown): string {
  const table = (LABELS as Record<string, Record<string, string>>)[group];
  const key = String(code ?? '');
  return table?.[key] ?? key;
}
