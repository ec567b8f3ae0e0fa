import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ProblemException } from '@werkbrug/http';
import { ProposalsService } from '@werkbrug/proposals';
import { VacanciesService, type VacancyView } from '@werkbrug/vacancies';
import {
  actorOf,
  field,
  formBody,
  FormErrors,
  PageResponder,
  WebAccess,
  WebController,
  webId,
  type WebRequest,
} from '@werkbrug/web';
import {
  EMPTY_WORKPLACE,
  readWorkplaceForm,
  validateWorkplace,
  workplaceOptions,
  workplaceSummary,
  workplaceValuesOf,
  type WorkplaceValues,
} from './workplace-form';
import { today } from '@werkbrug/domain';
import { EmployerContext } from './employer-context';
import type { EmployerProposal } from './employer-views';
import { listAll } from '@werkbrug/http';

const MESSAGES: Record<string, string> = {
  gepubliceerd: 'Uw werkplek staat online. Werkmakelaars kunnen nu kandidaten voorstellen.',
  opgeslagen: 'De wijzigingen zijn opgeslagen.',
  gepauzeerd: 'De werkplek is gepauzeerd. Er komen geen nieuwe voorstellen.',
  heropend: 'De werkplek staat weer open.',
  gesloten: 'De werkplek is gesloten.',
};

const STATUS_ACTIONS: Record<string, { status: 'open' | 'paused' | 'closed'; message: string }> = {
  pauzeren: { status: 'paused', message: 'gepauzeerd' },
  heropenen: { status: 'open', message: 'heropend' },
  sluiten: { status: 'closed', message: 'gesloten' },
};

/** Hidden fields that carry the answers from the form to the check page and on to publishing. */
function hiddenOf(values: WorkplaceValues) {
  return Object.entries(values).flatMap(([name, value]) =>
    Array.isArray(value) ? value.map((v) => ({ name, value: v })) : [{ name, value }],
  );
}

const isStale = (error: unknown) =>
  error instanceof ProblemException && error.code === 'STALE_VERSION';

/**
 * Workplaces: list, create and edit with check-your-answers, publish, pause, reopen, close. Every
 * read and write goes through VacanciesService with the employer's actor (the API's rules).
 */
@WebController('werkgever/werkplekken')
export class WorkplacesController {
  constructor(
    private readonly pages: PageResponder,
    private readonly vacancies: VacanciesService,
    private readonly proposals: ProposalsService,
    private readonly context: EmployerContext,
  ) {}

  @Get()
  @WebAccess('werkgever')
  async list(@Req() req: WebRequest, @Res() res: Response) {
    const actor = actorOf(req);
    const all = await listAll<VacancyView>((q) =>
      this.vacancies.list(actor, { ...q, sort: '-createdAt' }),
    );
    this.pages.send(req, res, 'werkgever/werkplekken', { title: 'Werkplekken', workplaces: all });
  }

  private async formPage(
    req: WebRequest,
    res: Response,
    model: {
      values: WorkplaceValues;
      errors?: FormErrors;
      id?: string;
      version?: number;
      focusField?: string;
      staleNotice?: boolean;
    },
  ) {
    const actor = actorOf(req);
    const [werksoorten, locations] = await Promise.all([
      this.context.werksoortList(),
      this.context.locations(actor),
    ]);
    this.pages.send(req, res, 'werkgever/werkplek-formulier', {
      title: model.id ? 'Werkplek wijzigen' : 'Nieuwe werkplek aanbieden',
      action: model.id
        ? `/werkgever/werkplekken/${model.id}/wijzigen`
        : '/werkgever/werkplekken/nieuw',
      back: model.id ? `/werkgever/werkplekken/${model.id}` : '/werkgever/werkplekken',
      options: workplaceOptions(werksoorten, locations),
      ...model,
    });
  }

  private async checkPage(
    req: WebRequest,
    res: Response,
    values: WorkplaceValues,
    target: { id?: string; version?: number },
  ) {
    const actor = actorOf(req);
    const [werksoorten, locations] = await Promise.all([
      this.context.werksoortList(),
      this.context.locations(actor),
    ]);
    const names = Object.fromEntries(werksoorten.map((w) => [w.code, w.name]));
    const base = target.id ? `/werkgever/werkplekken/${target.id}` : '/werkgever/werkplekken/nieuw';
    this.pages.send(req, res, 'werkgever/werkplek-controle', {
      title: 'Controleer uw werkplek',
      rows: workplaceSummary(values, names, locations),
      hidden: [
        ...hiddenOf(values),
        ...(target.version ? [{ name: 'version', value: String(target.version) }] : []),
      ],
      changeAction: target.id ? `${base}/wijzigen` : base,
      submitAction: target.id ? `${base}/opslaan` : `${base}/publiceren`,
      submitText: target.id ? 'Wijzigingen opslaan' : 'Werkplek publiceren',
      isNew: !target.id,
    });
  }

  /** Validates the posted answers against the employer's own locations and the werksoorten. */
  private async validate(req: WebRequest, values: WorkplaceValues) {
    const actor = actorOf(req);
    const [werksoorten, locations] = await Promise.all([
      this.context.werksoortList(),
      this.context.locations(actor),
    ]);
    return validateWorkplace(
      values,
      werksoorten.map((w) => w.code),
      locations,
      today(),
    );
  }

  @Get('nieuw')
  @WebAccess('werkgever')
  async newForm(@Req() req: WebRequest, @Res() res: Response) {
    const locations = await this.context.locations(actorOf(req));
    const values = {
      ...EMPTY_WORKPLACE,
      location: locations.length === 1 ? (locations[0]?.id ?? '') : '',
    };
    await this.formPage(req, res, { values });
  }

  /** The form posts here; so does "Wijzig" on the check page (with `wijzig` = the field). */
  @Post('nieuw')
  @WebAccess('werkgever')
  async check(@Req() req: WebRequest, @Res() res: Response) {
    const body = formBody(req);
    const values = readWorkplaceForm(body);
    const change = field(body, 'wijzig');
    if (change) return this.formPage(req, res, { values, focusField: change });
    const { errors } = await this.validate(req, values);
    if (errors.any) return this.formPage(req, res, { values, errors });
    await this.checkPage(req, res, values, {});
  }

  @Post('nieuw/publiceren')
  @WebAccess('werkgever')
  async publish(@Req() req: WebRequest, @Res() res: Response) {
    const values = readWorkplaceForm(formBody(req));
    const { errors, input } = await this.validate(req, values);
    if (errors.any || !input) return this.formPage(req, res, { values, errors });
    const created = await this.vacancies.create(actorOf(req), {
      ...input,
      status: 'open',
    } as Parameters<VacanciesService['create']>[1]);
    res.redirect(303, `/werkgever/werkplekken/${created.id}?melding=gepubliceerd`);
  }

  @Get(':id')
  @WebAccess('werkgever')
  async show(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', webId()) id: string,
    @Query('melding') message?: string,
  ) {
    await this.detailPage(req, res, id, message ? MESSAGES[message] : undefined);
  }

  private async detailPage(
    req: WebRequest,
    res: Response,
    id: string,
    message?: string,
    staleNotice = false,
    status = 200,
  ) {
    const actor = actorOf(req);
    const v = await this.vacancies.get(actor, id);
    const [werksoorten, locations, proposals] = await Promise.all([
      this.context.werksoortList(),
      this.context.locations(actor),
      listAll<EmployerProposal>((q) => this.proposals.list(actor, { ...q, vacancyId: id })),
    ]);
    const values = workplaceValuesOf(v, locations);
    const names = Object.fromEntries(werksoorten.map((w) => [w.code, w.name]));
    // A workplace at a location that was since removed still shows where it is.
    const rows = workplaceSummary(values, names, locations).map((r) =>
      r.changeField === 'location' && !r.value
        ? {
            ...r,
            value: [v.location.address, `${v.location.postcode} ${v.location.place}`]
              .filter(Boolean)
              .join(', '),
          }
        : r,
    );
    this.pages.send(
      req,
      res,
      'werkgever/werkplek',
      {
        title: v.title,
        workplace: v,
        rows,
        proposals,
        message,
        staleNotice,
        canPause: v.status === 'open' || v.status === 'filled',
        canReopen: v.status === 'paused' || v.status === 'closed',
        canClose: v.status !== 'closed',
      },
      status,
    );
  }

  @Get(':id/wijzigen')
  @WebAccess('werkgever')
  async editForm(@Req() req: WebRequest, @Res() res: Response, @Param('id', webId()) id: string) {
    const actor = actorOf(req);
    const v = await this.vacancies.get(actor, id);
    const values = workplaceValuesOf(v, await this.context.locations(actor));
    await this.formPage(req, res, { values, id, version: v.version });
  }

  @Post(':id/wijzigen')
  @WebAccess('werkgever')
  async checkEdit(@Req() req: WebRequest, @Res() res: Response, @Param('id', webId()) id: string) {
    const body = formBody(req);
    // Scoping first: another employer's workplace is a 404 before anything else.
    await this.vacancies.get(actorOf(req), id);
    const values = readWorkplaceForm(body);
    const version = Number(field(body, 'version')) || undefined;
    const change = field(body, 'wijzig');
    if (change) return this.formPage(req, res, { values, id, version, focusField: change });
    const { errors } = await this.validate(req, values);
    if (errors.any) return this.formPage(req, res, { values, errors, id, version });
    await this.checkPage(req, res, values, { id, version });
  }

  @Post(':id/opslaan')
  @WebAccess('werkgever')
  async save(@Req() req: WebRequest, @Res() res: Response, @Param('id', webId()) id: string) {
    const actor = actorOf(req);
    // Scoping first: another employer's workplace is a 404, whatever the form holds.
    await this.vacancies.get(actor, id);
    const body = formBody(req);
    const values = readWorkplaceForm(body);
    const version = Number(field(body, 'version'));
    const { errors, input } = await this.validate(req, values);
    if (errors.any || !input)
      return this.formPage(req, res, { values, errors, id, version: version || undefined });
    try {
      await this.vacancies.update(actor, id, { ...input, version } as Parameters<
        VacanciesService['update']
      >[2]);
    } catch (error) {
      if (!isStale(error)) throw error;
      // Someone else saved first: say so and show the current values to start from.
      const current = await this.vacancies.get(actor, id);
      const currentValues = workplaceValuesOf(current, await this.context.locations(actor));
      return this.formPage(req, res, {
        values: currentValues,
        id,
        version: current.version,
        staleNotice: true,
      });
    }
    res.redirect(303, `/werkgever/werkplekken/${id}?melding=opgeslagen`);
  }

  @Post(':id/status')
  @WebAccess('werkgever')
  async changeStatus(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', webId()) id: string,
  ) {
    const actor = actorOf(req);
    const body = formBody(req);
    await this.vacancies.get(actor, id);
    const action = STATUS_ACTIONS[field(body, 'actie')];
    const version = Number(field(body, 'version'));
    if (!action || !version) return this.detailPage(req, res, id, undefined, false, 400);
    try {
      await this.vacancies.update(actor, id, { status: action.status, version });
    } catch (error) {
      if (!isStale(error)) throw error;
      return this.detailPage(req, res, id, undefined, true, 409);
    }
    res.redirect(303, `/werkgever/werkplekken/${id}?melding=${action.message}`);
  }
}
