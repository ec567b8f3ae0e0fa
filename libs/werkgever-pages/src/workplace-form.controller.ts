import { Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '@werkbrug/auth';
import { CreateVacancyDto, UpdateVacancyDto, VacanciesService } from '@werkbrug/vacancies';
import {
  actorOf,
  field,
  formBody,
  isStale,
  PageResponder,
  WebAccess,
  WebController,
  webId,
  type WebRequest,
} from '@werkbrug/web';
import { EmployerContext } from './employer-context';
import { WorkplacePagesService } from './workplace-pages.service';
import { EMPTY_WORKPLACE, readWorkplaceForm } from './workplace.form';
import { workplaceNotice, type WorkplaceFormState } from './workplace.view';

/** A version as posted: a positive whole number, or undefined. */
const versionOf = (text: string) => {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/**
 * A new workplace and changes to one: the form, check your answers, publish or save. The answers go
 * through the form's Dutch checks and the API's vacancy DTO, then to VacanciesService.
 */
@WebController('werkgever/werkplekken')
export class WorkplaceFormController {
  constructor(
    private readonly pages: PageResponder,
    private readonly vacancies: VacanciesService,
    private readonly workplaces: WorkplacePagesService,
    private readonly context: EmployerContext,
  ) {}

  private async formPage(req: WebRequest, res: Response, state: WorkplaceFormState) {
    const view = await this.workplaces.formView(actorOf(req), state);
    this.pages.send(req, res, 'werkgever/werkplek-formulier', view);
  }

  /** False when someone else saved first (the version is stale). */
  private async update(actor: Actor, id: string, dto: UpdateVacancyDto): Promise<boolean> {
    try {
      await this.vacancies.update(actor, id, dto);
      return true;
    } catch (error) {
      if (!isStale(error)) throw error;
      return false;
    }
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
    const actor = actorOf(req);
    const body = formBody(req);
    const values = readWorkplaceForm(body);
    const change = field(body, 'wijzig');
    if (change) return this.formPage(req, res, { values, focusField: change });
    const { errors } = await this.workplaces.parse(actor, CreateVacancyDto, values);
    if (errors.any) return this.formPage(req, res, { values, errors });
    const view = await this.workplaces.checkView(actor, values, {});
    this.pages.send(req, res, 'werkgever/werkplek-controle', view);
  }

  @Post('nieuw/publiceren')
  @WebAccess('werkgever')
  async publish(@Req() req: WebRequest, @Res() res: Response) {
    const actor = actorOf(req);
    const values = readWorkplaceForm(formBody(req));
    const { errors, dto } = await this.workplaces.parse(actor, CreateVacancyDto, values, {
      status: 'open',
    });
    if (!dto) return this.formPage(req, res, { values, errors });
    const created = await this.vacancies.create(actor, dto);
    await this.pages.tell(req, workplaceNotice('gepubliceerd', created.title));
    res.redirect(303, `/werkgever/werkplekken/${created.id}`);
  }

  @Get(':id/wijzigen')
  @WebAccess('werkgever')
  async editForm(@Req() req: WebRequest, @Res() res: Response, @Param('id', webId()) id: string) {
    const { values, version } = await this.workplaces.current(actorOf(req), id);
    await this.formPage(req, res, { values, id, version });
  }

  @Post(':id/wijzigen')
  @WebAccess('werkgever')
  async checkEdit(@Req() req: WebRequest, @Res() res: Response, @Param('id', webId()) id: string) {
    const actor = actorOf(req);
    const body = formBody(req);
    // Scoping first: another employer's workplace is a 404 before anything else.
    await this.vacancies.get(actor, id);
    const values = readWorkplaceForm(body);
    const version = versionOf(field(body, 'version'));
    const change = field(body, 'wijzig');
    if (change) return this.formPage(req, res, { values, id, version, focusField: change });
    const { errors } = await this.workplaces.parse(actor, UpdateVacancyDto, values);
    if (errors.any) return this.formPage(req, res, { values, errors, id, version });
    const view = await this.workplaces.checkView(actor, values, { id, version });
    this.pages.send(req, res, 'werkgever/werkplek-controle', view);
  }

  @Post(':id/opslaan')
  @WebAccess('werkgever')
  async save(@Req() req: WebRequest, @Res() res: Response, @Param('id', webId()) id: string) {
    const actor = actorOf(req);
    // Scoping first: another employer's workplace is a 404, whatever the form holds.
    await this.vacancies.get(actor, id);
    const body = formBody(req);
    const values = readWorkplaceForm(body);
    const version = versionOf(field(body, 'version'));
    const { errors, dto } = await this.workplaces.parse(actor, UpdateVacancyDto, values, {
      version,
    });
    if (!dto) return this.formPage(req, res, { values, errors, id, version });
    // Without a version the form is as good as stale: never saved over blindly.
    const saved = version !== undefined && (await this.update(actor, id, dto));
    if (!saved) {
      // Someone else saved first: say so and show the current values to start from.
      const current = await this.workplaces.current(actor, id);
      return this.formPage(req, res, { ...current, id, staleNotice: true });
    }
    await this.pages.tell(req, workplaceNotice('opgeslagen', dto.title ?? values.title));
    res.redirect(303, `/werkgever/werkplekken/${id}`);
  }
}
