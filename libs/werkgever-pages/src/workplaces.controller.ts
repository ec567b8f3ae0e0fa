import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { UpdateVacancyDto, VacanciesService } from '@werkbrug/vacancies';
import {
  actorOf,
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
import { toWerkplekkenView, WORKPLACE_MESSAGES } from './workplace.view';

const STATUS_ACTIONS: Record<string, { status: 'open' | 'paused' | 'closed'; message: string }> = {
  pauzeren: { status: 'paused', message: 'gepauzeerd' },
  heropenen: { status: 'open', message: 'heropend' },
  sluiten: { status: 'closed', message: 'gesloten' },
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
  async show(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', webId()) id: string,
    @Query('melding') message?: string,
  ) {
    const view = await this.workplaces.detailView(actorOf(req), id, {
      message: message ? WORKPLACE_MESSAGES[message] : undefined,
      staleNotice: false,
    });
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
    await this.vacancies.get(actor, id);
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
    try {
      await this.vacancies.update(actor, id, dto);
    } catch (error) {
      if (!isStale(error)) throw error;
      const view = await this.workplaces.detailView(actor, id, { staleNotice: true });
      return this.pages.send(req, res, 'werkgever/werkplek', view, 409);
    }
    res.redirect(303, `/werkgever/werkplekken/${id}?melding=${action.message}`);
  }
}
