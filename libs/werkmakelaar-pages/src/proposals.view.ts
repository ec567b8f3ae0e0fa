import { labelOf } from '@werkbrug/domain';
import type { PlacementView } from '@werkbrug/placements';
import type { MeetingView, ProposalView } from '@werkbrug/proposals';
import { arrangementName } from '@werkbrug/kandidaat-pages';
import {
  DATE,
  type Choice,
  type ConfirmQuestion,
  type FormErrors,
  type PageModel,
} from '@werkbrug/web';
import { confirmationWords, type ConfirmationWords } from './placements.view';
import { brokerMeetingSection, type BrokerMeetingSection } from './meeting.view';

/** The page `werkmakelaar/voorstellen`: propose a candidate for a workplace, with a motivation. */
export interface ProposeView extends PageModel {
  title: string;
  candidate: { id: string; pseudonym: string };
  vacancy: { id: string; title: string; employerName: string | null; place: string };
  values: { motivation: string };
  /** The motivation is Werkbrug's first text (from the match reasons), for the werkmakelaar to check. */
  suggested: boolean;
  errors?: FormErrors;
}

export const proposeView = (
  candidate: { id: string; pseudonym: string },
  v: { id: string; title: string; employer: { name: string | null }; location: { place: string } },
  motivation: string,
  errors?: FormErrors,
  suggested = false,
): ProposeView => ({
  title: 'Kandidaat voorstellen',
  candidate: { id: candidate.id, pseudonym: `Kandidaat ${candidate.pseudonym}` },
  vacancy: { id: v.id, title: v.title, employerName: v.employer.name, place: v.location.place },
  values: { motivation },
  suggested: suggested && motivation !== '',
  ...(errors ? { errors } : {}),
});

/** A next step of a proposal as a button on the pipeline. */
export interface StepButton {
  next: string;
  text: string;
  placement: boolean;
}

/** The page `werkmakelaar/pijplijn`: running proposals per status, the latest closed ones. */
export interface PipelineView extends PageModel {
  title: string;
  columns: {
    status: string;
    title: string;
    items: (ProposalView & { buttons: StepButton[] })[];
  }[];
  closed: (ProposalView & { statusText: string })[];
}

export const stepButtons = (allowedNext: readonly string[]): StepButton[] =>
  allowedNext.map((next) => ({
    next,
    text:
      next === 'geplaatst'
        ? 'Plaatsen'
        : next === 'ingetrokken'
          ? 'Intrekken'
          : `Naar ${labelOf('proposalStatusForBroker', next).toLowerCase()}`,
    placement: next === 'geplaatst',
  }));

export const pipelineView = (
  columnStatuses: readonly string[],
  running: ProposalView[],
  closed: ProposalView[],
): PipelineView => ({
  title: 'Voorstellen',
  columns: columnStatuses.map((status) => ({
    status,
    title: labelOf('proposalStatusForBroker', status),
    items: running
      .filter((p) => p.status === status)
      .map((p) => ({ ...p, buttons: stepButtons(p.allowedNext) })),
  })),
  closed: closed.map((p) => ({
    ...p,
    statusText: labelOf('proposalStatusForBroker', p.status),
  })),
});

/** Before withdrawing a proposal (it cannot be undone): who hears it and what stops. */
export const withdrawQuestion = (p: ProposalView): ConfirmQuestion => ({
  title: `Wilt u het voorstel voor Kandidaat ${p.candidate.pseudonym} bij ${p.vacancy.title} intrekken?`,
  consequences: [
    'Het voorstel stopt. De kandidaat en de werkgever zien in Werkbrug dat het is ingetrokken.',
    `Wat de kandidaat met ${p.vacancy.employerName ?? 'de werkgever'} deelde, is dan niet meer te zien.`,
    'Dit kunt u niet terugdraaien. Past de werkplek later toch? Dan doet u een nieuw voorstel.',
  ],
  action: `/werkmakelaar/voorstellen/${p.id}/status`,
  hidden: [{ name: 'status', value: 'ingetrokken' }],
  confirmText: 'Ja, trek het voorstel in',
  cancelHref: `/werkmakelaar/voorstellen/${p.id}`,
  cancelText: 'Nee, het voorstel loopt door',
  warning: true,
});

/** The page `werkmakelaar/plaatsen`: start a placement from a proposal. */
export interface PlaceView extends PageModel {
  title: string;
  proposal: ProposalView;
  arrangementOptions: Choice[];
  values: Record<string, string>;
  errors: FormErrors | null;
}

export const placeView = (
  proposal: ProposalView,
  values: Record<string, string>,
  errors: FormErrors | null,
): PlaceView => ({
  title: 'Kandidaat plaatsen',
  proposal,
  arrangementOptions: proposal.vacancy.arrangements.map((a) => ({
    value: a,
    text: arrangementName(a),
  })),
  values,
  errors,
});

/** One step in a proposal's history, as the werkmakelaar reads it. */
export interface ProposalEventRow {
  at: string;
  text: string;
  note: string | null;
}

/** The page `werkmakelaar/voorstel`: one proposal, where it stands, its history and the next steps. */
export interface ProposalPageView extends PageModel {
  title: string;
  proposal: ProposalView;
  rows: { key: string; value: string }[];
  buttons: StepButton[];
  events: ProposalEventRow[];
  /** The placement that followed (geplaatst), with the employer's confirmation and its forms. */
  placed: {
    placement: PlacementView;
    confirmation: ConfirmationWords;
    fromProposal: true;
    today: string;
    values: Record<string, string>;
    errors: null;
  } | null;
  /** The kennismaking or meeloopdag: every side's view of it, and what the werkmakelaar can do. */
  meeting: BrokerMeetingSection;
}

const BY_ROLE: Record<string, string> = {
  werkmakelaar: 'de werkmakelaar',
  kandidaat: 'de kandidaat',
  werkgever: 'de werkgever',
  admin: 'de beheerder',
};

export const proposalPageView = (
  proposal: ProposalView,
  events: { from: string | null; to: string; byRole: string; note: string | null; at: string }[],
  meetings: readonly MeetingView[] = [],
  placement: PlacementView | null = null,
  today = '',
): ProposalPageView => ({
  title: `Voorstel: Kandidaat ${proposal.candidate.pseudonym} bij ${proposal.vacancy.title}`,
  proposal,
  rows: [
    { key: 'Kandidaat', value: `Kandidaat ${proposal.candidate.pseudonym}` },
    {
      key: 'Werkplek',
      value: `${proposal.vacancy.title} bij ${proposal.vacancy.employerName}, ${proposal.vacancy.place}`,
    },
    { key: 'Stand', value: labelOf('proposalStatusForBroker', proposal.status) },
    { key: 'Voorgesteld op', value: DATE.format(new Date(proposal.createdAt)) },
  ],
  buttons: stepButtons(proposal.allowedNext),
  events: events.map((e) => ({
    at: e.at,
    text: `${labelOf('proposalStatusForBroker', e.to)} (door ${BY_ROLE[e.byRole] ?? 'het systeem'})`,
    note: e.note,
  })),
  placed: placement
    ? {
        placement,
        confirmation: confirmationWords(placement),
        fromProposal: true,
        today,
        values: {},
        errors: null,
      }
    : null,
  meeting: brokerMeetingSection(proposal, meetings),
});
