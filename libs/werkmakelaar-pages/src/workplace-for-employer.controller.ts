import { Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '@werkbrug/auth';
import { EmployersService, mayEditEmployer } from '@werkbrug/employers';
import { listAll, Problems } from '@werkbrug/http';
import { CreateVacancyDto, VacanciesService } from '@werkbrug/vacancies';
import {
  actorOf,
  field,
  formBody,
  FormErrors,
  hiddenOf,
  PageResponder,
  WebAccess,
  WebController,
  type WebRequest,
} from '@werkbrug/web';
import {
  EMPTY_WORKPLACE,
  readWorkplaceForm,
  parseWorkplace,
  workplaceOptions,
  workplaceSummary,
  type WorkplaceValues,
} from '@werkbrug/werkgever-pages';
import { WerksoortenService } from '@werkbrug/werksoorten';
import { today } from '@werkbrug/domain';

/** An employer as the service answers it (with its locations). */
type EmployerOption = Awaited<ReturnType<EmployersService['get']>>;

/**
 * A workplace on behalf of an employer the werkmakelaar's organisation brought in: choose the
 * employer (only those it may change, mayEditEmployer), the employer's own workplace form (the
 * shared model and `workplace-fields` partial), check your answers, publish. VacanciesService.create
 * with employerId decides, as POST /api/vacancies does.
 */
@WebController('werkmakelaar/werkplekken/nieuw')
export class WorkplaceForEmployerController {
  constructor(
    private readonly pages: PageResponder,
    private readonly employers: EmployersService,
    private readonly vacancies: VacanciesService,
    private readonly werksoorten: WerksoortenService,
  ) {}

  /** The employer through the service's scoping (404 when out of sight), then: may this werkmakelaar change it? */
  private async employer(actor: Actor, id: string): Promise<EmployerOption> {
    const e = await this.employers.get(actor, id);
    if (!mayEditEmployer(actor, e))
      throw Problems.forbidden(
        'Only werkmakelaars of the organisation that brought this employer in add its workplaces.',
      );
    return e;
  }

  @Get()
  @WebAccess('werkmakelaar')
  async chooseEmployer(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Query('werkgever') chosen?: string,
    @Query('kies') asked?: string,
  ) {
    const actor = actorOf(req);
    const all = await listAll((q) => this.employers.list(actor, { ...q, sort: 'name' }));
    const editable = all.filter((e) => mayEditEmployer(actor, e));
    if (chosen !== undefined && editable.some((e) => e.id === chosen))
      return res.redirect(303, `/werkmakelaar/werkplekken/nieuw/${chosen}`);
    const errors = new FormErrors();
    // The form sends `kies` too, so "Verder" without a choice is an error, not the empty page again.
    if (chosen !== undefined || asked !== undefined)
      errors.add('werkgever', 'Kies de werkgever van de werkplek');
    this.pages.send(req, res, 'werkmakelaar/werkplek-werkgever', {
      title: 'Werkplek aanmaken voor een werkgever',
      employerOptions: editable.map((e) => ({
        value: e.id,
        text: e.name,
        hint: e.locations.map((l) => l.place).join(', ') || undefined,
      })),
      errors,
    });
  }

  private async formPage(
    req: WebRequest,
    res: Response,
    employer: EmployerOption,
    model: { values: WorkplaceValues; errors?: FormErrors; focusField?: string },
  ) {
    this.pages.send(req, res, 'werkmakelaar/werkplek-formulier', {
      title: `Nieuwe werkplek bij ${employer.name}`,
      employer: { id: employer.id, name: employer.name },
      action: `/werkmakelaar/werkplekken/nieuw/${employer.id}`,
      options: workplaceOptions(await this.werksoorten.activeByName(), employer.locations),
      ...model,
    });
  }

  /** The employer's own form rules, then the API's DTO, on the employer's behalf. */
  private async parse(employer: EmployerOption, values: WorkplaceValues) {
    const werksoorten = await this.werksoorten.activeByName();
    return parseWorkplace(
      CreateVacancyDto,
      values,
      {
        werksoorten: werksoorten.map((w) => w.code),
        locations: employer.locations,
        today: today(),
      },
      { employerId: employer.id, status: 'open' },
    );
  }

  @Get(':employerId')
  @WebAccess('werkmakelaar')
  async form(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('employerId', ParseUUIDPipe) employerId: string,
  ) {
    const employer = await this.employer(actorOf(req), employerId);
    const values = {
      ...EMPTY_WORKPLACE,
      location: employer.locations.length === 1 ? (employer.locations[0]?.id ?? '') : '',
    };
    await this.formPage(req, res, employer, { values });
  }

  /** The form posts here; so does "Wijzig" on the check page (with `wijzig` = the field). */
  @Post(':employerId')
  @WebAccess('werkmakelaar')
  async check(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('employerId', ParseUUIDPipe) employerId: string,
  ) {
    const employer = await this.employer(actorOf(req), employerId);
    const body = formBody(req);
    const values = readWorkplaceForm(body);
    const change = field(body, 'wijzig');
    if (change) return this.formPage(req, res, employer, { values, focusField: change });
    const { errors } = await this.parse(employer, values);
    if (errors.any) return this.formPage(req, res, employer, { values, errors });
    const names = Object.fromEntries(
      (await this.werksoorten.activeByName()).map((w) => [w.code, w.name]),
    );
    this.pages.send(req, res, 'werkmakelaar/werkplek-controle', {
      title: 'Controleer de werkplek',
      employer: { id: employer.id, name: employer.name },
      rows: workplaceSummary(values, names, employer.locations, 'werkmakelaar'),
      hidden: hiddenOf(values),
      changeAction: `/werkmakelaar/werkplekken/nieuw/${employer.id}`,
      submitAction: `/werkmakelaar/werkplekken/nieuw/${employer.id}/publiceren`,
    });
  }

  @Post(':employerId/publiceren')
  @WebAccess('werkmakelaar')
  async publish(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('employerId', ParseUUIDPipe) employerId: string,
  ) {
    const actor = actorOf(req);
    const employer = await this.employer(actor, employerId);
    const values = readWorkplaceForm(formBody(req));
    const { errors, dto } = await this.parse(employer, values);
    if (!dto) return this.formPage(req, res, employer, { values, errors });
    const created = await this.vacancies.create(actor, dto);
    // The search index follows within seconds.
    await this.pages.tell(
      req,
      `De werkplek ${created.title} bij ${employer.name} staat online. Werkmakelaars kunnen nu kandidaten voorstellen. Het kan een minuut duren voordat de werkplek in de zoekresultaten staat.`,
    );
    res.redirect(303, '/werkmakelaar/werkplekken');
  }
}
