import type { BenefitType } from '@werkbrug/domain';

/**
 * Why another module reads candidate_protected (contact details; health and benefit facts, AVG
 * art. 9). Only libs/candidates reads the table (table-ownership.spec); others ask
 * CandidatesService.protectedFactsFor with one of these purposes, which decides the columns and
 * whether the read is audited.
 */
export const PROTECTED_READ_PURPOSES = {
  /**
   * A name and whether contact details exist, on lists the candidate's own organisation sees
   * (caseload, interest signals). Not audited per read, like the candidates list that shows the same
   * names: a line per candidate per page view would bury the audited reads.
   */
  weergave: { audit: null, benefit: false },
  /** The address a mail to the candidate goes to; audited per candidate. */
  contactmail: { audit: 'e-mail aan de kandidaat', benefit: false },
  /** Age and benefit facts that decide an instrument's eligibility; audited per candidate. */
  instrumentberekening: { audit: 'berekening instrumenten', benefit: true },
  /**
   * The same facts for the financieel CV of a proposal: only the outcome leaves the service, never
   * the facts. It is worked out on every proposal view and list, so it is not audited per read (that
   * would write a line per proposal per page view); the employer's sight of it is audited as
   * proposal.shared_read.
   */
  financieelCv: { audit: null, benefit: true },
  /**
   * Names and contact details to check a text for the employer against (a proposal's motivation:
   * does it name the candidate?). Only the outcome leaves the check, never the facts; audited per
   * candidate.
   */
  tekstcontrole: { audit: 'controle van tekst voor de werkgever', benefit: false },
} as const satisfies Record<string, { audit: string | null; benefit: boolean }>;

export type ProtectedReadPurpose = keyof typeof PROTECTED_READ_PURPOSES;

export interface ContactFacts {
  candidateId: string;
  firstName: string;
  lastName: string;
  /** Only for the contactmail and tekstcontrole purposes; null otherwise. */
  email: string | null;
  /** Only for the tekstcontrole purpose; null otherwise. */
  phone: string | null;
  /** Only for the tekstcontrole purpose; null otherwise. */
  address: string | null;
  hasEmail: boolean;
  hasPhone: boolean;
}

export interface BenefitFacts {
  dateOfBirth: string | null;
  benefitType: BenefitType | null;
  banenafspraak: boolean;
  loonwaardePct: number | null;
}

/** What a purpose gets: benefit facts only for the purposes that need them. */
export type ProtectedFacts<P extends ProtectedReadPurpose> =
  (typeof PROTECTED_READ_PURPOSES)[P]['benefit'] extends true
    ? ContactFacts & BenefitFacts
    : ContactFacts;

/** A candidate_protected row as protectedFactsFor selects it. */
export interface ProtectedFactsRow {
  candidate_id: string;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  has_email: boolean;
  has_phone: boolean;
  date_of_birth: string | null;
  benefit_type: BenefitType | null;
  banenafspraak: boolean | null;
  loonwaarde_pct: number | null;
}

/**
 * The weergave facts (names, whether contact details exist) as a join for a list query of another
 * module, so a list of a few hundred candidates stays one query. The SQL is this module's own: only
 * libs/candidates names candidate_protected (table-ownership.spec), and weergave is never audited.
 * Columns: first_name, last_name (null without a protected part), has_email, has_phone.
 */
export function displayFactsJoin(candidateAlias: string, alias = 'cp') {
  return {
    join: `LEFT JOIN candidate_protected ${alias} ON ${alias}.candidate_id = ${candidateAlias}.id`,
    columns: `${alias}.first_name, ${alias}.last_name, ${alias}.email IS NOT NULL AS has_email,
              ${alias}.phone IS NOT NULL AS has_phone`,
  };
}

export function protectedFactsSql(purpose: ProtectedReadPurpose): string {
  const benefit = PROTECTED_READ_PURPOSES[purpose].benefit;
  const contact = purpose === 'tekstcontrole';
  return `SELECT candidate_id, first_name, last_name,
                 ${purpose === 'contactmail' || contact ? 'email' : 'NULL::text AS email'},
                 ${contact ? 'phone, address' : 'NULL::text AS phone, NULL::text AS address'},
                 email IS NOT NULL AS has_email, phone IS NOT NULL AS has_phone,
                 ${benefit ? 'date_of_birth::text AS date_of_birth, benefit_type, banenafspraak, loonwaarde_pct' : 'NULL AS date_of_birth, NULL AS benefit_type, NULL AS banenafspraak, NULL AS loonwaarde_pct'}
            FROM candidate_protected WHERE candidate_id = ANY($1::uuid[])`;
}

export function toProtectedFacts(r: ProtectedFactsRow): ContactFacts & BenefitFacts {
  return {
    candidateId: r.candidate_id,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    phone: r.phone,
    address: r.address,
    hasEmail: r.has_email,
    hasPhone: r.has_phone,
    dateOfBirth: r.date_of_birth,
    benefitType: r.benefit_type,
    banenafspraak: r.banenafspraak ?? false,
    loonwaardePct: r.loonwaarde_pct,
  };
}
