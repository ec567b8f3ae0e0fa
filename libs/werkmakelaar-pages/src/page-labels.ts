import type { GoalStatus, TrajectoryOutcome } from '@werkbrug/trajectories';
/** Dutch words (B1) for the codes on the trajectory and report pages. */
export const ROUTE_LABELS: Record<string, string> = {
  werk: 'Werk',
  participatie: 'Participatie',
  jongeren: 'Jongeren (tot 27 jaar)',
  banenafspraak: 'Banenafspraak',
  inburgering: 'Inburgering',
};

export const FORM_LABELS: Record<string, string> = {
  arbeidsmatige_dagbesteding: 'Arbeidsmatige dagbesteding',
  beschut_werk: 'Beschut werk',
  werkervaringsplaats: 'Werkervaringsplaats',
  leerwerkbaan: 'Leerwerkbaan',
  detachering: 'Detachering',
  groepsdetachering: 'Groepsdetachering',
  proefplaatsing: 'Proefplaatsing',
  stage: 'Stage',
  vrijwilligerswerk: 'Vrijwilligerswerk',
  regulier: 'Gewone baan',
};

export const DECIDED_BY_LABELS: Record<string, string> = {
  kandidaat: 'De kandidaat',
  werkmakelaar: 'De werkmakelaar',
  samen: 'Kandidaat en werkmakelaar samen',
  werkgever: 'De werkgever',
  team: 'Het team',
};

export const BREAKDOWN_LABELS: Record<string, string> = {
  route: 'Route',
  arrangement: 'Vorm van werk',
  werksoort: 'Werksoort',
  organisation: 'Organisatie',
  gemeente: 'Gemeente',
};

export const PHASE_TEXT = (phase: string, block: number | null) =>
  phase === 'diagnose' ? 'Diagnose' : phase === 'blok' ? `Blok ${block}` : 'Einde bereikt';

export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  open: 'Nog niet begonnen',
  bezig: 'Bezig',
  behaald: 'Behaald',
  niet_behaald: 'Niet behaald',
  vervallen: 'Vervallen',
};

/** The trajectory's end, in B1 words with a hint; the codes are the outcome report's rows. */
export const OUTCOME_CHOICES: Record<TrajectoryOutcome, { text: string; hint?: string }> = {
  werk_proefplaatsing: {
    text: 'Werk of een proefplaatsing',
    hint: 'Ook een gewone baan of detachering',
  },
  studie: { text: 'Een opleiding of studie' },
  participatie_vrijwilligerswerk: { text: 'Participatie of vrijwilligerswerk' },
  voortijdig_niet_haalbaar: {
    text: 'Gestopt: het lukte (nog) niet',
    hint: 'Bijvoorbeeld door gezondheid of omstandigheden',
  },
  voortijdig_zelf_beeindigd: { text: 'Gestopt: de kandidaat stopte zelf' },
  voortijdig_overig: { text: 'Gestopt: andere reden' },
  niet_geleid_uitstroom: {
    text: 'Uitstroom zonder begeleiding naar werk',
    hint: 'De kandidaat vond zelf iets, of de uitkering stopte om een andere reden',
  },
};
