import { labelOf } from '@werkbrug/domain';
import { arrangementName } from '@werkbrug/kandidaat-pages';
import type { ProposalView } from '@werkbrug/proposals';
import type { VacancyView } from '@werkbrug/vacancies';
import type { PageModel, Pager } from '@werkbrug/web';
import { workplaceSummary, workplaceValuesOf } from '@werkbrug/werkgever-pages';
import { candidateLabel, type CaseloadNames } from './caseload-names';

/** The page `werkmakelaar/werkplek`: one workplace with the organisation's proposals for it. */
export interface WorkplacePageView extends PageModel {
  title: string;
  workplace: {
    id: string;
    status: string;
    statusText: string;
    employerName: string | null;
    places: number;
    placesFilled: number;
    placesFree: number;
  };
  rows: { key: string; value: string }[];
  proposals: (ProposalView & { who: string; named: boolean; statusText: string })[];
  proposalsPager: Pager;
}

/**
 * The workplace as the employer filled it in (the employer's own check-your-answers rows, in the
 * werkmakelaar's words), the employer first and the title left out: it is the page's heading.
 */
export function workplacePageView(
  v: VacancyView,
  werksoortNames: Record<string, string>,
  proposals: ProposalView[],
  proposalsPager: Pager,
  names: CaseloadNames,
): WorkplacePageView {
  const location = {
    id: 'werkplek',
    address: v.location.address,
    postcode: v.location.postcode,
    place: v.location.place,
    lat: v.location.lat,
    lng: v.location.lng,
  };
  const rows = workplaceSummary(
    workplaceValuesOf(v, [location]),
    werksoortNames,
    [location],
    'werkmakelaar',
  )
    .filter((r) => r.changeField !== 'title')
    .map(({ key, value, changeField }) => ({
      key,
      // The forms of work in the console's plain words; "Ja" without a note says no more than that.
      value:
        changeField === 'arrangements'
          ? v.arrangements.map(arrangementName).join(', ')
          : value.replace(/^Ja: $/, 'Ja'),
    }));
  return {
    title: v.title,
    workplace: {
      id: v.id,
      status: v.status,
      statusText: labelOf('vacancyStatus', v.status),
      employerName: v.employer.name,
      places: v.places,
      placesFilled: v.placesFilled,
      placesFree: Math.max(0, v.places - v.placesFilled),
    },
    rows: [{ key: 'Werkgever', value: v.employer.name ?? '' }, ...rows],
    proposals: proposals.map((p) => ({
      ...p,
      ...candidateLabel(names, p.candidate),
      statusText: labelOf('proposalStatusForBroker', p.status),
    })),
    proposalsPager,
  };
}
