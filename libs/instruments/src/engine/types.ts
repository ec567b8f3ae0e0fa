import type { Arrangement, BenefitType, DatedVersion, FiguresStatus } from '@werkbrug/domain';

export const RULE_SCOPES = ['national', 'gemeente', 'organisation'] as const;
export type RuleScope = (typeof RULE_SCOPES)[number];

export const GRANTORS = ['belastingdienst', 'uwv', 'gemeente', 'none'] as const;
export type Grantor = (typeof GRANTORS)[number];
export const RECIPIENTS = ['werkgever', 'kandidaat'] as const;
export type Recipient = (typeof RECIPIENTS)[number];

/** How an instrument's answer is worked out; the figures themselves live in the rule versions. */
export const CALCULATORS = [
  'wml',
  'loonkostensubsidie',
  'lkv',
  'one_lkv',
  'no_riskpolis',
  'proefplaatsing',
  'jobcoaching',
  'niet_actief',
  'werkervaringsplaats_premie',
  'uitstroompremie',
] as const;
export type Calculator = (typeof CALCULATORS)[number];

export const STATUSES = ['applies', 'may_apply', 'does_not_apply'] as const;
export type InstrumentStatus = (typeof STATUSES)[number];

/** An instrument as the catalogue describes it (who grants, who receives, how to apply). */
export interface InstrumentDefinition {
  code: string;
  name: string;
  description: string;
  grantor: Grantor;
  recipient: Recipient;
  howToApply: string;
  deadlineRule: string;
  calculator: Calculator;
  sortOrder: number;
}

/** One version of an instrument's rule: parameters as data, a scope, a validity period and a source. */
export interface RuleVersion extends DatedVersion {
  id: string;
  instrumentCode: string;
  scope: RuleScope;
  /** The gemeente name for scope gemeente, the organisation id for scope organisation, else null. */
  scopeRef: string | null;
  params: Record<string, unknown>;
  active: boolean;
  sourceUrls: string[];
  lastChecked: string;
  indicative: boolean;
}

/** What the engine reasons about: protected facts of the candidate and the workplace or placement. */
export interface InstrumentFacts {
  /** The relevant date: the start of the placement, or today. */
  date: string;
  hoursPerWeek: number;
  loonwaardePct?: number | null;
  doelgroepregister?: boolean | null;
  benefitType?: BenefitType | null;
  age?: number | null;
  arrangement?: Arrangement | null;
  contractMonths?: number | null;
  /** Euros per hour; the WML is used unless this is higher. */
  hourlyWage?: number | null;
  gemeente?: string | null;
  organisationId?: string | null;
}

export interface Reason {
  code: string;
  text: string;
}

export interface Amounts {
  perWeek?: number;
  perMonth?: number;
  perYear?: number;
  total?: number;
}

/**
 * Whether an item's figures are known on its date: past the horizon of its version (or of the minimum
 * wage it leans on), with no newer version, they are the last known ones and the answer says so.
 */
export interface Figures {
  status: FiguresStatus;
  /** The last day the figures used are known. */
  knownUntil: string;
  /** Dutch, for people: why the answer is provisional; null when the figures are known. */
  reason: string | null;
}

/** One part of a contract that crosses a version boundary, priced with that part's own version. */
export interface ItemPart {
  from: string;
  to: string;
  days: number;
  /** The instrument's rule version that prices this part. */
  ruleVersionId: string;
  validFrom: string;
  status: FiguresStatus;
  /** This part's share of the total over the contract, in euros. */
  amount: number;
}

export interface InstrumentOutcome {
  code: string;
  name: string;
  status: InstrumentStatus;
  /** False for a rule that is in the law but switched off ("niet actief"). */
  active: boolean;
  amounts: Amounts;
  reasons: Reason[];
  /** What is still needed before it applies (for may_apply). */
  missing: Reason[];
  applyTo: { grantor: Grantor; recipient: Recipient; how: string };
  deadline: string | null;
  indicative: boolean;
  sources: string[];
  ruleVersion: {
    id: string;
    scope: RuleScope;
    scopeRef: string | null;
    validFrom: string;
    validTo: string | null;
    lastChecked: string;
    knownUntil: string;
  };
  figures: Figures;
  /** With a contract length: the total split where the rules change (one part when they do not). */
  parts?: ItemPart[];
}

/** The contract from its first to its last day, split where a version starts or a horizon passes. */
export interface AnswerPeriod {
  from: string;
  to: string;
  parts: { from: string; to: string; days: number; status: FiguresStatus }[];
}

export interface InstrumentAnswer {
  date: string;
  disclaimer: string;
  indicative: true;
  /** Provisional when any item's figures are past their horizon (see each item's `figures`). */
  status: FiguresStatus;
  /** The Dutch reasons of the provisional items, once each. */
  provisionalReasons: string[];
  period: AnswerPeriod | null;
  items: InstrumentOutcome[];
  sources: string[];
  ruleVersionIds: string[];
}

export const DISCLAIMER = 'indicatief, er zijn geen rechten aan te ontlenen';

/** A calculation date on which a rule has no version in force: the answer would be a guess. */
export class MissingRulesError extends Error {
  constructor(
    readonly date: string,
    readonly codes: string[],
  ) {
    super(`no rule in force on ${date} for ${codes.join(', ')}`);
    this.name = 'MissingRulesError';
  }
}
