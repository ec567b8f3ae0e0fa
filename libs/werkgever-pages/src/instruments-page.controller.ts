import { Get, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '@werkbrug/auth';
import { ProblemException } from '@werkbrug/http';
import { InstrumentsService, type CalculateDto } from '@werkbrug/instruments';
import { VacanciesService } from '@werkbrug/vacancies';
import {
  actorOf,
  FormErrors,
  PageResponder,
  WebAccess,
  WebController,
  type WebRequest,
} from '@werkbrug/web';
import {
  parseScenario,
  readScenario,
  wantsCalculation,
  type ScenarioQuery,
} from './instruments.form';
import { scenarioResult, toInstrumentenView, type ScenarioResult } from './instruments.view';
import { listAll } from '@werkbrug/http';

/**
 * The instruments in force with their sources, and the scenario calculator: "what could apply at
 * this workplace and what is it worth", from hours, arrangement, contract length and a few yes/no
 * questions about the kind of candidate — never a person's data. Always marked indicative.
 */
@WebController('werkgever/instrumenten')
export class InstrumentsPageController {
  constructor(
    private readonly pages: PageResponder,
    private readonly instruments: InstrumentsService,
    private readonly vacancies: VacanciesService,
  ) {}

  /** The calculator's outcome, or null when no rule covers this situation. */
  private async calculate(actor: Actor, dto: CalculateDto): Promise<ScenarioResult | null> {
    try {
      return scenarioResult(await this.instruments.calculate(actor, dto));
    } catch (error) {
      if (!(error instanceof ProblemException) || error.getStatus() >= 500) throw error;
      return null;
    }
  }

  @Get()
  @WebAccess('werkgever')
  async page(@Req() req: WebRequest, @Res() res: Response, @Query() raw: ScenarioQuery) {
    const actor = actorOf(req);
    const [catalogue, workplaces] = await Promise.all([
      this.instruments.catalogue(actor, {}),
      listAll((p) => this.vacancies.list(actor, { ...p, sort: '-createdAt' })),
    ]);
    const values = readScenario(raw, workplaces);
    const { errors, dto } = wantsCalculation(raw)
      ? await parseScenario(values)
      : { errors: new FormErrors(), dto: null };
    const result = dto && (await this.calculate(actor, dto));
    if (dto && !result)
      errors.add(
        'uren',
        'Voor deze situatie kunnen we nu niets berekenen. Probeer andere antwoorden',
      );
    const view = toInstrumentenView(catalogue, workplaces, values, errors, result);
    this.pages.send(req, res, 'werkgever/instrumenten', view, view.errors.any ? 400 : 200);
  }
}
