import { Injectable } from '@nestjs/common';
import type { Actor } from '@werkbrug/auth';
import { today } from '@werkbrug/domain';
import { employerProposalView, ProposalsService } from '@werkbrug/proposals';
import {
  VacanciesService,
  type CreateVacancyDto,
  type UpdateVacancyDto,
} from '@werkbrug/vacancies';
import { EmployerContext } from './employer-context';
import { listAll } from '@werkbrug/http';
import {
  parseWorkplace,
  workplaceValuesOf,
  type VacancyPlainInput,
  type WorkplaceValues,
} from './workplace.form';
import {
  toWerkplekControleView,
  toWerkplekFormulierView,
  toWerkplekView,
  type WerkplekControleView,
  type WerkplekFormulierView,
  type WerkplekView,
  type WorkplaceFormState,
} from './workplace.view';

/**
 * What the workplace pages read around VacanciesService: the employer's locations and the
 * werksoorten for the form, the check page and the workplace page, and the form's parse.
 */
@Injectable()
export class WorkplacePagesService {
  constructor(
    private readonly vacancies: VacanciesService,
    private readonly proposals: ProposalsService,
    private readonly context: EmployerContext,
  ) {}

  private rules(actor: Actor) {
    return Promise.all([this.context.werksoortList(), this.context.locations(actor)]);
  }

  async formView(actor: Actor, state: WorkplaceFormState): Promise<WerkplekFormulierView> {
    const [werksoorten, locations] = await this.rules(actor);
    return toWerkplekFormulierView(state, werksoorten, locations);
  }

  async checkView(
    actor: Actor,
    values: WorkplaceValues,
    target: { id?: string; version?: number },
  ): Promise<WerkplekControleView> {
    const [werksoorten, locations] = await this.rules(actor);
    return toWerkplekControleView(values, target, werksoorten, locations);
  }

  /** The employer's answers through the form's Dutch checks and the API's vacancy DTO. */
  async parse<T extends CreateVacancyDto | UpdateVacancyDto>(
    actor: Actor,
    dto: new () => T,
    values: WorkplaceValues,
    extra: VacancyPlainInput = {},
  ) {
    const [werksoorten, locations] = await this.rules(actor);
    return parseWorkplace(
      dto,
      values,
      { werksoorten: werksoorten.map((w) => w.code), locations, today: today() },
      extra,
    );
  }

  /** A stored workplace as the form's answers, with its version (scoped: 404 when not the employer's). */
  async current(actor: Actor, id: string) {
    const v = await this.vacancies.get(actor, id);
    return {
      values: workplaceValuesOf(v, await this.context.locations(actor)),
      version: v.version,
    };
  }

  async detailView(
    actor: Actor,
    id: string,
    notice: { staleNotice: boolean },
  ): Promise<WerkplekView> {
    const v = await this.vacancies.get(actor, id);
    const [[werksoorten, locations], proposals] = await Promise.all([
      this.rules(actor),
      listAll((q) => this.proposals.list(actor, { ...q, vacancyId: id })),
    ]);
    const values = workplaceValuesOf(v, locations);
    return toWerkplekView(
      v,
      values,
      proposals.map(employerProposalView),
      werksoorten,
      locations,
      notice,
    );
  }
}
