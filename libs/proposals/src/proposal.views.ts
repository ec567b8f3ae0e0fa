import { DEMAND_SCALE } from '@werkbrug/domain';
import type { Role } from '@werkbrug/auth';
import { type Consent, consentActive } from './consent.entity';
import { allowedBySharing, maskIdentifying } from './identifying-text';
import type { Proposal } from './proposal.entity';
import { allowedNext } from './proposal-status';

export interface ProposalContext {
  proposal: Proposal;
  consent: Consent | null;
  vacancy: {
    id: string;
    title: string;
    employerId: string;
    employerName: string;
    place: string;
    arrangements: string[];
  };
  candidate: {
    id: string;
    pseudonym: string;
    place: string;
    werksoortWishes: string[];
    hoursMin: number;
    hoursMax: number;
    certificates: string[];
    languageLevel: string;
    abilities: number[];
    firstName: string | null;
    /** Only to keep it out of what the employer reads (employerMotivation); never in a view. */
    lastName: string | null;
  };
  werkmakelaar: { name: string; email: string };
}

const consentView = (c: Consent | null) =>
  c
    ? {
        sharedFields: c.sharedFields,
        givenAt: c.givenAt.toISOString(),
        expiresAt: c.expiresAt.toISOString(),
        withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
        active: consentActive(c),
      }
    : null;

const common = (ctx: ProposalContext, role: Role) => ({
  id: ctx.proposal.id,
  status: ctx.proposal.status,
  vacancy: ctx.vacancy,
  motivation: ctx.proposal.motivation,
  employerAnswer: ctx.proposal.employerAnswer,
  meeting: ctx.proposal.meetingKind
    ? {
        kind: ctx.proposal.meetingKind,
        dates: ctx.proposal.meetingDates.map((d) => new Date(d).toISOString()),
      }
    : null,
  closed: ctx.proposal.closedByRole
    ? {
        byRole: ctx.proposal.closedByRole,
        reason: ctx.proposal.closedReason,
        note: ctx.proposal.closedNote,
      }
    : null,
  allowedNext: allowedNext(ctx.proposal.status, role),
  createdAt: ctx.proposal.createdAt.toISOString(),
  updatedAt: ctx.proposal.updatedAt.toISOString(),
  version: ctx.proposal.version,
});

/**
 * The motivation as the employer reads it while a consent shares `fields`: as fixed when the
 * candidate said yes (identifying items not shared masked), and masked again against the names now
 * known, so a name never reaches the employer through the werkmakelaar's text.
 */
export function employerMotivation(ctx: ProposalContext, fields: readonly string[]): string {
  const text = ctx.consent?.motivation ?? ctx.proposal.motivation;
  const who = { firstName: ctx.candidate.firstName, lastName: ctx.candidate.lastName };
  return maskIdentifying(text, who, allowedBySharing(fields));
}

/** For the werkmakelaar and the candidate: everything, including what would be or is shared. */
export const toProposalView = (ctx: ProposalContext, role: Role) => ({
  ...common(ctx, role),
  candidate: { id: ctx.candidate.id, pseudonym: ctx.candidate.pseudonym },
  werkmakelaar: ctx.werkmakelaar,
  consent: consentView(ctx.consent),
  sharePreview: {
    firstName: ctx.candidate.firstName,
    werkmakelaarContact: ctx.werkmakelaar,
    anonymousProfile: anonymousProfile(ctx),
    /** What the employer reads (or would read, before consent) of the motivation. */
    motivation: employerMotivation(
      ctx,
      consentActive(ctx.consent) ? (ctx.consent?.sharedFields ?? []) : [],
    ),
  },
});

function anonymousProfile(ctx: ProposalContext) {
  const c = ctx.candidate;
  return {
    pseudonym: `Kandidaat ${c.pseudonym}`,
    place: c.place,
    werksoortWishes: c.werksoortWishes,
    hoursMin: c.hoursMin,
    hoursMax: c.hoursMax,
    certificates: c.certificates,
    languageLevel: c.languageLevel,
    workConditions: (['lifting', 'standing', 'pace', 'stimuli', 'outdoor'] as const).map(
      (aspect, i) => DEMAND_SCALE[aspect][c.abilities[i]] ?? '',
    ),
  };
}

/**
 * For the employer: the anonymous work profile, plus exactly what the candidate agreed to share while
 * the consent is active. Withdrawal or expiry hides it at once. Never protected data.
 */
export const toEmployerProposalView = (ctx: ProposalContext) => {
  const active = consentActive(ctx.consent);
  const fields = active ? (ctx.consent?.sharedFields ?? []) : [];
  const base = common(ctx, 'werkgever');
  return {
    ...base,
    // A closing note is written for the broker side ("ik heb een burn-out"): the employer sees only
    // its own note, never the candidate's or the werkmakelaar's.
    closed: base.closed && {
      ...base.closed,
      note: base.closed.byRole === 'werkgever' ? base.closed.note : null,
    },
    motivation: active ? employerMotivation(ctx, fields) : null,
    candidate: anonymousProfile(ctx),
    shared: {
      firstName: fields.includes('firstName') ? ctx.candidate.firstName : null,
      werkmakelaar: fields.includes('werkmakelaarContact') ? ctx.werkmakelaar : null,
    },
    consentActive: active,
  };
};

/** Parts another lib computes (SharedParts), by share field; each part's own lib narrows its value. */
export type SharedPartValues = Record<string, unknown>;

type EmployerBase = ReturnType<typeof toEmployerProposalView>;
type BrokerBase = ReturnType<typeof toProposalView>;

/** What ProposalsService hands an employer: the employer view with the consented shared parts. */
export type EmployerProposalView = Omit<EmployerBase, 'shared'> & {
  shared: EmployerBase['shared'] & SharedPartValues;
};

/** What ProposalsService hands a werkmakelaar or the candidate: everything, with the share preview. */
export type ProposalView = Omit<BrokerBase, 'sharePreview'> & {
  sharePreview: BrokerBase['sharePreview'] & SharedPartValues;
};

/** ProposalsService.get and list answer with the view for the reader's role. */
export type AnyProposalView = ProposalView | EmployerProposalView;

/** Whether a reader's view of a proposal is the werkmakelaar's and candidate's (not the employer's). */
export const isProposalView = (view: AnyProposalView): view is ProposalView =>
  'sharePreview' in view;

export const isEmployerProposalView = (view: AnyProposalView): view is EmployerProposalView =>
  !isProposalView(view);

/** For the werkmakelaar's and the candidate's pages: their view of a proposal (never an employer's). */
export function asProposalView(view: AnyProposalView): ProposalView {
  if (isProposalView(view)) return view;
  throw new Error(
    'Expected the werkmakelaar or candidate view of a proposal, got the employer view',
  );
}

/** The employer's view of a proposal; an error when the service answered with another role's view. */
export function employerProposalView(view: AnyProposalView): EmployerProposalView {
  if (!isEmployerProposalView(view)) throw new Error('Expected the employer view of a proposal');
  return view;
}
