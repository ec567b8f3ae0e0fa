import { labelOf } from '@werkbrug/domain';
import type { ProposalView } from '@werkbrug/proposals';
import { arrangementName } from '@werkbrug/kandidaat-pages';
import type { Choice, FormErrors, PageModel } from '@werkbrug/web';

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
