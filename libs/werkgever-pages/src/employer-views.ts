/** What the proposal and placement services hand an employer (their employer views). */
export interface EmployerProposal {
  id: string;
  status: string;
  vacancy: {
    id: string;
    title: string;
    employerName: string;
    place: string;
    arrangements: string[];
  };
  motivation: string | null;
  employerAnswer: string | null;
  meeting: { kind: string; dates: string[] } | null;
  closed: { byRole: string; reason: string | null; note: string | null } | null;
  allowedNext: string[];
  createdAt: string;
  updatedAt: string;
  version: number;
  candidate: {
    pseudonym: string;
    place: string;
    werksoortWishes: string[];
    hoursMin: number;
    hoursMax: number;
    certificates: string[];
    languageLevel: string;
    workConditions: string[];
  };
  shared: {
    firstName: string | null;
    werkmakelaar: { name: string; email: string } | null;
    /** The instrument outcome the candidate chose to share (never the facts behind it). */
    financieelCv?: {
      disclaimer: string;
      items: {
        name: string;
        status: string;
        amounts: { perMonth?: number; perYear?: number; total?: number };
        applyTo: { grantor: string; how: string };
        sources: string[];
      }[];
    } | null;
  };
  consentActive: boolean;
}

export interface EmployerPlacement {
  id: string;
  vacancy: { id: string; title: string; employerName: string };
  arrangement: string;
  startDate: string;
  plannedEndDate: string | null;
  hoursPerWeek: number;
  instruments: string[];
  status: string;
  outcome: { outcome: string; endedOn: string } | null;
  candidate: { pseudonym: string };
  jobcoach: { name: string | null };
}
