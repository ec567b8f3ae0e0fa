import { Get, NotFoundException, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { today } from '@werkbrug/domain';
import {
  CreateGoalDto,
  CreateTransitionDto,
  EndTrajectoryDto,
  LogHoursDto,
  TrajectoriesService,
  UpdateGoalDto,
  type TrajectoryView,
} from '@werkbrug/trajectories';
import {
  actorOf,
  field as formField,
  formBody,
  FormErrors,
  PageResponder,
  WebAccess,
  WebController,
  type FormBody,
  type WebRequest,
} from '@werkbrug/web';
import { submitForm } from './trajectory-refusals';
import {
  CLOSE_REFUSALS,
  CLOSE_STALE,
  CLOSE_WORDS,
  closeInput,
  GOAL_REFUSALS,
  GOAL_STALE,
  goalInput,
  goalStatusInput,
  goalStatusWords,
  goalWords,
  HOURS_REFUSALS,
  HOURS_WORDS,
  hoursInput,
  SWITCH_REFUSALS,
  switchInput,
  switchWords,
} from './trajectory.form';
import {
  closeTrajectoryView,
  trajectoryNotice,
  trajectoryPageView,
  type TrajectoryExtra,
} from './trajectories.view';

/**
 * One trajectory: its hours against the organisation's limits, its switches between forms of work
 * (Simpel Switchen), its learning goals, and closing it. Each form goes through the API's DTO and
 * one TrajectoriesService method.
 */
@WebController('werkmakelaar/trajecten')
export class TrajectoryController {
  constructor(
    private readonly pages: PageResponder,
    private readonly trajectories: TrajectoriesService,
  ) {}

  private show(req: WebRequest, res: Response, t: TrajectoryView, extra: TrajectoryExtra = {}) {
    this.pages.send(req, res, 'werkmakelaar/traject', trajectoryPageView(t, today(), extra));
  }

  /** The page again, as it is now, with the form's refusal. */
  private async again(req: WebRequest, res: Response, id: string, extra: TrajectoryExtra) {
    this.show(req, res, await this.trajectories.get(actorOf(req), id), extra);
  }

  /** The closing page: one task (how it ended, when), with the version the werkmakelaar saw. */
  private closeForm(
    req: WebRequest,
    res: Response,
    t: TrajectoryView,
    values: FormBody,
    errors?: FormErrors,
  ) {
    this.pages.send(
      req,
      res,
      'werkmakelaar/traject-afsluiten',
      closeTrajectoryView(t, values, errors),
    );
  }

  @Get(':trajectoryId')
  @WebAccess('werkmakelaar')
  async get(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('trajectoryId', ParseUUIDPipe) id: string,
  ) {
    this.show(req, res, await this.trajectories.get(actorOf(req), id));
  }

  @Post(':trajectoryId/uren')
  @WebAccess('werkmakelaar')
  async logHours(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('trajectoryId', ParseUUIDPipe) id: string,
  ) {
    const body = formBody(req);
    const errors = new FormErrors();
    const logged = await submitForm(
      errors,
      { dto: LogHoursDto, input: hoursInput(body), words: HOURS_WORDS, field: 'hours' },
      HOURS_REFUSALS,
      (dto) => this.trajectories.logHours(actorOf(req), id, dto),
    );
    if (logged) {
      await this.pages.tell(req, trajectoryNotice.hours(body));
      return res.redirect(303, `/werkmakelaar/trajecten/${id}`);
    }
    await this.again(req, res, id, { errors, hoursValues: body });
  }

  @Post(':trajectoryId/wissel')
  @WebAccess('werkmakelaar')
  async switchForm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('trajectoryId', ParseUUIDPipe) id: string,
  ) {
    const body = formBody(req);
    const errors = new FormErrors();
    const switched = await submitForm(
      errors,
      {
        dto: CreateTransitionDto,
        input: switchInput(body),
        words: switchWords(body),
        field: 'toForm',
      },
      SWITCH_REFUSALS,
      (dto) => this.trajectories.switchForm(actorOf(req), id, dto),
    );
    if (switched) {
      await this.pages.tell(req, trajectoryNotice.switched(body));
      return res.redirect(303, `/werkmakelaar/trajecten/${id}`);
    }
    await this.again(req, res, id, { errors, switchValues: body });
  }

  @Post(':trajectoryId/leerdoelen')
  @WebAccess('werkmakelaar')
  async addGoal(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('trajectoryId', ParseUUIDPipe) id: string,
  ) {
    const body = formBody(req);
    const errors = new FormErrors();
    const added = await submitForm(
      errors,
      { dto: CreateGoalDto, input: goalInput(body), words: goalWords(body), field: 'description' },
      GOAL_REFUSALS,
      (dto) => this.trajectories.addGoal(actorOf(req), id, dto),
    );
    if (added) {
      await this.pages.tell(req, trajectoryNotice.goal(body));
      return res.redirect(303, `/werkmakelaar/trajecten/${id}`);
    }
    await this.again(req, res, id, { errors, goalValues: body });
  }

  @Post(':trajectoryId/leerdoelen/:goalId')
  @WebAccess('werkmakelaar')
  async goalStatus(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('trajectoryId', ParseUUIDPipe) id: string,
    @Param('goalId', ParseUUIDPipe) goalId: string,
  ) {
    const t = await this.trajectories.get(actorOf(req), id);
    if (!t.goals.some((g) => g.id === goalId)) throw new NotFoundException();
    const errors = new FormErrors();
    const field = `status-${goalId}`;
    const saved = await submitForm(
      errors,
      {
        dto: UpdateGoalDto,
        input: goalStatusInput(formBody(req), goalId),
        words: goalStatusWords(goalId),
        field,
      },
      {},
      (dto) => this.trajectories.updateGoal(actorOf(req), goalId, dto),
      { field, message: GOAL_STALE },
    );
    if (saved) {
      await this.pages.tell(req, trajectoryNotice.goalStatus(formField(formBody(req), field)));
      return res.redirect(303, `/werkmakelaar/trajecten/${id}`);
    }
    await this.again(req, res, id, { errors });
  }

  @Get(':trajectoryId/afsluiten')
  @WebAccess('werkmakelaar')
  async closePage(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('trajectoryId', ParseUUIDPipe) id: string,
  ) {
    const t = await this.trajectories.get(actorOf(req), id);
    if (t.status !== 'lopend') return res.redirect(303, `/werkmakelaar/trajecten/${id}`);
    this.closeForm(req, res, t, { endDate: today() });
  }

  @Post(':trajectoryId/afsluiten')
  @WebAccess('werkmakelaar')
  async close(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('trajectoryId', ParseUUIDPipe) id: string,
  ) {
    const body = formBody(req);
    const errors = new FormErrors();
    const closed = await submitForm(
      errors,
      { dto: EndTrajectoryDto, input: closeInput(body), words: CLOSE_WORDS, field: 'outcome' },
      CLOSE_REFUSALS,
      (dto) => this.trajectories.end(actorOf(req), id, dto),
      {
        field: 'outcome',
        message: CLOSE_STALE,
        // The next submit is then a deliberate one, against the trajectory as it is now.
        then: () => delete body.version,
      },
    );
    if (closed) {
      await this.pages.tell(req, trajectoryNotice.closed(body));
      return res.redirect(303, `/werkmakelaar/trajecten/${id}`);
    }
    this.closeForm(req, res, await this.trajectories.get(actorOf(req), id), body, errors);
  }
}
