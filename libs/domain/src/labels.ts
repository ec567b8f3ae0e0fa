/**
 * Dutch words for the codes the API uses, at B1 level: one place, so every page and portal says
 * the same thing. Keys are the API's codes.
 */
/** The arrangements' names, also the names of those forms of work in a trajectory (workForm). */
const ARRANGEMENT_NAMES = {
  proefplaatsing: 'Proefplaatsing',
  detachering: 'Detachering',
  groepsdetachering: 'Groepsdetachering',
  werkervaringsplaats: 'Werkervaringsplaats',
  leerwerkbaan: 'Leerwerkbaan',
  stage: 'Stage',
  vrijwilligerswerk: 'Vrijwilligerswerk',
  beschut_werk: 'Beschut werk',
  regulier: 'Gewone baan',
} as const;

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
  arrangement: ARRANGEMENT_NAMES,
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
  // The werkmakelaar's console: caseload, candidate file, proposals, placements, trajectories, reports.
  proposalStatusForBroker: {
    voorgesteld: 'Voorgesteld',
    wacht_op_kandidaat: 'Wacht op kandidaat',
    wacht_op_werkgever: 'Wacht op werkgever',
    kennismaking: 'Kennismaking',
    meeloopdag: 'Meeloopdag',
    geplaatst: 'Geplaatst',
    ingetrokken: 'Ingetrokken',
    afgewezen: 'Afgewezen',
  },
  attention: {
    PLACEMENT_ENDING: 'Plaatsing eindigt binnenkort',
    NO_CONTACT: 'Geen contact in 14 dagen',
    INTEREST_SIGNAL: 'Interesse van de kandidaat',
    CONSENT_WAITING: 'Wacht op toestemming',
    EMPLOYER_ANSWER_WAITING: 'Wacht op de werkgever',
    LADDER_OUTDATED: 'Ladder ouder dan 6 maanden',
    PROFILE_INCOMPLETE: 'Profiel niet compleet',
  },
  caseloadSort: {
    attention: 'Eerst wat aandacht nodig heeft',
    name: 'Naam (A–Z)',
    '-name': 'Naam (Z–A)',
    completeness: 'Minst complete profiel eerst',
    '-completeness': 'Meest complete profiel eerst',
    lastContact: 'Langst geen contact eerst',
    '-lastContact': 'Meest recente contact eerst',
  },
  checkinKind: {
    gesprek: 'Gesprek',
    telefoon: 'Telefoon',
    werkplekbezoek: 'Werkplekbezoek',
    evaluatie: 'Evaluatie',
    overig: 'Anders',
  },
  placementOutcome: {
    contract: 'Contract bij de werkgever',
    detachering_loopt_door: 'Detachering loopt door',
    studie: 'Gaat een opleiding doen',
    vrijwilligerswerk_participatie: 'Vrijwilligerswerk of participatie',
    voortijdig_niet_haalbaar: 'Eerder gestopt: niet haalbaar',
    voortijdig_zelf_beeindigd: 'Eerder gestopt door de kandidaat',
    voortijdig_overig: 'Eerder gestopt: andere reden',
  },
  route: {
    werk: 'Werk',
    participatie: 'Participatie',
    jongeren: 'Jongeren (tot 27 jaar)',
    banenafspraak: 'Banenafspraak',
    inburgering: 'Inburgering',
  },
  workForm: {
    arbeidsmatige_dagbesteding: 'Arbeidsmatige dagbesteding',
    ...ARRANGEMENT_NAMES,
  },
  decidedBy: {
    kandidaat: 'De kandidaat',
    werkmakelaar: 'De werkmakelaar',
    samen: 'Kandidaat en werkmakelaar samen',
    werkgever: 'De werkgever',
    team: 'Het team',
  },
  goalStatus: {
    open: 'Nog niet begonnen',
    bezig: 'Bezig',
    behaald: 'Behaald',
    niet_behaald: 'Niet behaald',
    vervallen: 'Vervallen',
  },
  /** The outcome as a werkmakelaar chooses it when closing a trajectory (the report rows are trajectoryOutcome). */
  trajectoryOutcomeChoice: {
    werk_proefplaatsing: 'Werk of een proefplaatsing',
    studie: 'Een opleiding of studie',
    participatie_vrijwilligerswerk: 'Participatie of vrijwilligerswerk',
    voortijdig_niet_haalbaar: 'Gestopt: het lukte (nog) niet',
    voortijdig_zelf_beeindigd: 'Gestopt: de kandidaat stopte zelf',
    voortijdig_overig: 'Gestopt: andere reden',
    niet_geleid_uitstroom: 'Uitstroom zonder begeleiding naar werk',
  },
  trajectoryOutcomeHint: {
    werk_proefplaatsing: 'Ook een gewone baan of detachering',
    voortijdig_niet_haalbaar: 'Bijvoorbeeld door gezondheid of omstandigheden',
    niet_geleid_uitstroom:
      'De kandidaat vond zelf iets, of de uitkering stopte om een andere reden',
  },
  /** Kinds of organisation (tenants). */
  organisationKind: {
    gemeente: 'Gemeente',
    werkbedrijf: 'Werkbedrijf',
    're-integratiebedrijf': 'Re-integratiebedrijf',
    werkgever: 'Werkgever',
    beheer: 'Beheer van Werkbrug',
  },
  reportBreakdown: {
    route: 'Route',
    arrangement: 'Vorm van werk',
    werksoort: 'Werksoort',
    organisation: 'Organisatie',
    gemeente: 'Gemeente',
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
  /** Whether the employer agreed to a placement, as the werkmakelaar reads it. */
  placementConfirmation: {
    te_bevestigen: 'Wacht op bevestiging van de werkgever',
    wijziging_gevraagd: 'Werkgever vraagt een wijziging',
    bevestigd: 'Bevestigd door de werkgever',
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
  /** The kennismaking and meeloopdag of a proposal (libs/proposals, meeting-status.ts). */
  meetingKind: {
    kennismaking: 'Kennismakingsgesprek',
    meeloopdag: 'Meeloopdag',
  },
  meetingStatus: {
    aangeboden: 'Momenten voorgesteld',
    gekozen: 'Afgesproken',
    gehouden: 'Geweest',
    geannuleerd: 'Afgezegd',
  },
  meetingOutcome: {
    goed: 'Goed',
    twijfel: 'Twijfel',
    niet_goed: 'Niet goed',
    niet_doorgegaan: 'Niet doorgegaan',
  },
  meetingSide: {
    werkgever: 'Werkgever',
    kandidaat: 'Kandidaat',
    werkmakelaar: 'Werkmakelaar',
  },
} as const;

/** One of the label groups above. */
export type LabelGroup = keyof typeof LABELS;

export const isLabelGroup = (group: string): group is LabelGroup => Object.hasOwn(LABELS, group);

/** The words for a code; an unknown code stays as it is (a misspelt group does not compile). */
export function labelOf(group: LabelGroup, code: unknown): string {
  const table: Readonly<Record<string, string>> = LABELS[group];
  const key = String(code ?? '');
  return table[key] ?? key;
}
