import { Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { UpdateVacancyDto, VacanciesService } from '@werkbrug/vacancies';
import {
  actorOf,
  confirmed,
  field,
  formBody,
  FormErrors,
  isStale,
  PageResponder,
  validateAsDto,
  WebAccess,
  WebController,
  webId,
  type WebRequest,
} from '@werkbrug/web';
import { listAll } from '@werkbrug/http';
import { WorkplacePagesService } from './workplace-pages.service';
import { toWerkplekkenView, workplaceNotice } from './workplace.view';

const STATUS_ACTIONS: Record<
  string,
  { status: 'open' | 'paused' | 'closed'; done: 'gepauzeerd' | 'heropend' | 'gesloten' }
> = {
  pauzeren: { status: 'paused', done: 'gepauzeerd' },
  heropenen: { status: 'open', done: 'heropend' },
  sluiten: { status: 'closed', done: 'gesloten' },
};

/**
 * Workplaces: the list, one workplace, and pause, reopen, close. Every read and write goes through
 * VacanciesService with the employer's actor (the API's rules). New and changed workplaces:
 * WorkplaceFormController.
 */
@WebController('werkgever/werkplekken')
export class WorkplacesController {
  constructor(
    private readonly pages: PageResponder,
    private readonly vacancies: VacanciesService,
    private readonly workplaces: WorkplacePagesService,
  ) {}

  @Get()
  @WebAccess('werkgever')
  async list(@Req() req: WebRequest, @Res() res: Response) {
    const actor = actorOf(req);
    const all = await listAll((q) => this.vacancies.list(actor, { ...q, sort: '-createdAt' }));
    this.pages.send(req, res, 'werkgever/werkplekken', toWerkplekkenView(all));
  }

  @Get(':id')
  @WebAccess('werkgever')
  async show(@Req() req: WebRequest, @Res() res: Response, @Param('id', webId()) id: string) {
    const view = await this.workplaces.detailView(actorOf(req), id, { staleNotice: false });
    this.pages.send(req, res, 'werkgever/werkplek', view);
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
    const { title } = await this.vacancies.get(actor, id);
    const action = STATUS_ACTIONS[field(body, 'actie')];
    const version = Number(field(body, 'version'));
    const dto =
      action && version
        ? await validateAsDto(
            UpdateVacancyDto,
            { status: action.status, version },
            {},
            new FormErrors(),
            'actie',
          )
        : null;
    if (!action || !dto) {
      const view = await this.workplaces.detailView(actor, id, { staleNotice: false });
      return this.pages.send(req, res, 'werkgever/werkplek', view, 400);
    }
    if (action.status === 'closed' && !confirmed(req))
      return this.pages.confirm(req, res, {
        title: `Wilt u de werkplek ${title} sluiten?`,
        consequences: [
          'Werkmakelaars kunnen dan geen kandidaten meer voorstellen voor deze werkplek.',
          'Voorstellen en plaatsingen die al lopen, blijven bestaan.',
          'Wilt u later toch weer? Dan zet u de werkplek weer open.',
        ],
        action: `/werkgever/werkplekken/${id}/status`,
        hidden: [
          { name: 'actie', value: 'sluiten' },
          { name: 'version', value: String(version) },
        ],
        confirmText: 'Ja, sluit de werkplek',
        cancelHref: `/werkgever/werkplekken/${id}`,
        cancelText: 'Nee, laat de werkplek open',
        warning: true,
      });
    try {
      await this.vacancies.update(actor, id, dto);
    } catch (error) {
      if (!isStale(error)) throw error;
      const view = await this.workplaces.detailView(actor, id, { staleNotice: true });
      return this.pages.send(req, res, 'werkgever/werkplek', view, 409);
    }
    await this.pages.tell(req, workplaceNotice(action.done, title));
    res.redirect(303, `/werkgever/werkplekken/${id}`);
  }
}
