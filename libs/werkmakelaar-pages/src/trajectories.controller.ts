import { Get, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CandidatesService } from '@werkbrug/candidates';
import { today } from '@werkbrug/domain';
import { ProblemException } from '@werkbrug/http';
import { CreateTrajectoryDto, TrajectoriesService } from '@werkbrug/trajectories';
import {
  actorOf,
  formBody,
  FormErrors,
  PageResponder,
  validateAsDto,
  WebAccess,
  WebController,
  type FormBody,
  type WebRequest,
} from '@werkbrug/web';
import { errorsFrom } from './trajectory-refusals';
import { OPEN_REFUSALS, openInput, openWords } from './trajectory.form';
import { newTrajectoryView, trajectoryListView } from './trajectories.view';

/**
 * The werkmakelaar's trajectories: the list and opening one. Everything goes through
 * TrajectoriesService, which scopes to the werkmakelaar's organisation.
 */
@WebController('werkmakelaar/trajecten')
export class TrajectoriesController {
  constructor(
    private readonly pages: PageResponder,
    private readonly trajectories: TrajectoriesService,
    private readonly candidates: CandidatesService,
  ) {}

  @Get()
  @WebAccess('werkmakelaar')
  async list(@Req() req: WebRequest, @Res() res: Response) {
    const { items } = await this.trajectories.list(actorOf(req), {});
    this.pages.send(req, res, 'werkmakelaar/trajecten', trajectoryListView(items));
  }

  private async newForm(req: WebRequest, res: Response, values: FormBody, errors?: FormErrors) {
    const page = await this.candidates.list(actorOf(req), { limit: 100 });
    this.pages.send(
      req,
      res,
      'werkmakelaar/traject-nieuw',
      newTrajectoryView(page.items, values, errors),
    );
  }

  @Get('nieuw')
  @WebAccess('werkmakelaar')
  async openForm(@Req() req: WebRequest, @Res() res: Response) {
    await this.newForm(req, res, { startDate: today() });
  }

  @Post('nieuw')
  @WebAccess('werkmakelaar')
  async open(@Req() req: WebRequest, @Res() res: Response) {
    const body = formBody(req);
    const errors = new FormErrors();
    const dto = await validateAsDto(
      CreateTrajectoryDto,
      openInput(body),
      openWords(body),
      errors,
      'candidateId',
    );
    if (!dto) return this.newForm(req, res, body, errors);
    try {
      const created = await this.trajectories.create(actorOf(req), dto);
      await this.pages.tell(
        req,
        `Het traject van Kandidaat ${created.candidate.pseudonym} is geopend. Boek hier de uren en leg de leerdoelen vast.`,
      );
      res.redirect(303, `/werkmakelaar/trajecten/${created.id}`);
    } catch (error) {
      if (!(error instanceof ProblemException)) throw error;
      errorsFrom(error, errors, OPEN_REFUSALS);
      return this.newForm(req, res, body, errors);
    }
  }
}
