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
