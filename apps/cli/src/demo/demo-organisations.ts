import type { FermWerkMunicipality } from './demo-region';

/** The organisation whose presence means "demo data is already there". */
export const FERM_WERK = 'Ferm Werk';

export interface DemoOrganisationSpec {
  name: string;
  kind: 'werkbedrijf' | 'gemeente' | 're-integratiebedrijf';
  region: string;
  /** E-mail domain of its werkmakelaars: werkmakelaar1@fermwerk.demo. */
  domain: string;
  werkmakelaars: readonly string[];
  /** Share of all demo candidates in its caseload. */
  candidateShare: number;
  /** A gemeente serves its own residents; the others the whole region. */
  municipality?: FermWerkMunicipality;
  /** Share of its candidates living just outside the region. */
  neighbourShare: number;
}

/**
 * Ferm Werk is the werkbedrijf of the four gemeenten and holds most caseloads; the gemeenten
 * keep the participatie caseloads of their own residents; Loket3 is a re-integratiebedrijf
 * that also takes people from neighbouring towns.
 */
export const DEMO_ORGANISATIONS: readonly DemoOrganisationSpec[] = [
  {
    name: FERM_WERK,
    kind: 'werkbedrijf',
    region: 'Woerden, Bodegraven-Reeuwijk, Oudewater, Montfoort',
    domain: 'fermwerk.demo',
    werkmakelaars: ['Sanne de Vries', 'Mark Verburg', 'Fatima El Idrissi'],
    candidateShare: 0.55,
    neighbourShare: 0.03,
  },
  {
    name: 'Gemeente Woerden',
    kind: 'gemeente',
    region: 'Woerden',
    domain: 'woerden.demo',
    werkmakelaars: ['Joost van Rijn'],
    candidateShare: 0.1,
    municipality: 'Woerden',
    neighbourShare: 0,
  },
  {
    name: 'Gemeente Bodegraven-Reeuwijk',
    kind: 'gemeente',
    region: 'Bodegraven-Reeuwijk',
    domain: 'bodegraven-reeuwijk.demo',
    werkmakelaars: ['Inge Bakker'],
    candidateShare: 0.08,
    municipality: 'Bodegraven-Reeuwijk',
    neighbourShare: 0,
  },
  {
    name: 'Gemeente Oudewater',
    kind: 'gemeente',
    region: 'Oudewater',
    domain: 'oudewater.demo',
    werkmakelaars: ['Ruud Spruit'],
    candidateShare: 0.04,
    municipality: 'Oudewater',
    neighbourShare: 0,
  },
  {
    name: 'Gemeente Montfoort',
    kind: 'gemeente',
    region: 'Montfoort',
    domain: 'montfoort.demo',
    werkmakelaars: ['Ellen van Vliet'],
    candidateShare: 0.04,
    municipality: 'Montfoort',
    neighbourShare: 0,
  },
  {
    name: 'Loket3',
    kind: 're-integratiebedrijf',
    region: 'Utrecht-West en het Groene Hart',
    domain: 'loket3.demo',
    werkmakelaars: ['Priya Ramdin'],
    candidateShare: 0.19,
    neighbourShare: 0.2,
  },
];
