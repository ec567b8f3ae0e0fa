import { Get, NotFoundException, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CandidatesService } from '@werkbrug/candidates';
import { mondayOf, ROUTES, today } from '@werkbrug/domain';
import { ProblemException } from '@werkbrug/http';
import {
  DECIDED_BY,
  GOAL_STATUSES,
  TRAJECTORY_OUTCOMES,
  TrajectoriesService,
  WORK_FORMS,
  type GoalStatus,
  type TrajectoryOutcome,
  type TrajectoryView,
} from '@werkbrug/trajectories';
import {
  actorOf,
  field,
  fieldList,
  formBody,
  FormErrors,
  PageResponder,
  WebAccess,
  WebController,
  type FormBody,
  type WebRequest,
} from '@werkbrug/web';
import {
  DECIDED_BY_LABELS,
  FORM_LABELS,
  GOAL_STATUS_LABELS,
  OUTCOME_CHOICES,
  PHASE_TEXT,
  ROUTE_LABELS,
} from './page-labels';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const options = (codes: readonly string[], labels: Record<string, string>, empty?: string) => [
  ...(empty !== undefined ? [{ value: '', text: empty }] : []),
  ...codes.map((c) => ({ value: c, text: labels[c] ?? c })),
];

/** Service refusals in plain Dutch, on the field they are about. */
function errorsFrom(problem: ProblemException, errors: FormErrors, fields: Record<string, string>) {
  const doc = problem.problem;
  // Only these refusals have a field to show; every other code falls through to the field errors
  // (an if chain, not a switch, because the closed code list is far wider than what a form can explain).
  if (doc.code === 'HOUR_LIMIT')
    return errors.add(
      'overrideReason',
      `Met deze uren komt het traject boven de grens van ${String(doc.limit)} uur. Schrijf op waarom dat toch nodig is, of boek minder uren.`,
    );
  if (doc.code === 'HOURS_ALREADY_LOGGED')
    return errors.add('weekStart', 'Voor deze week zijn al uren geboekt.');
  if (doc.code === 'TRAJECTORY_OVERLAP')
    return errors.add('route', 'Deze kandidaat heeft in die periode al een traject op deze route.');
  if (doc.code === 'TRAJECTORY_ENDED')
    return errors.add(Object.keys(fields)[0] ?? 'form', 'Dit traject is afgelopen.');
  for (const e of (doc.errors as { field: string }[] | undefined) ?? [])
    errors.add(e.field, fields[e.field] ?? 'Controleer wat u hier invulde.');
  if (!errors.any) throw problem;
  return errors;
}

/**
 * Calls the service for a form; a refusal it can explain becomes field errors (a 404, or anything
 * that is not a problem document, is rethrown). A version someone else overtook (STALE_VERSION)
 * goes on `stale.field`. Returns whether the call went through.
 */
async function attempt(
  errors: FormErrors,
  fields: Record<string, string>,
  call: () => Promise<unknown>,
  stale?: { field: string; message: string; then?: () => void },
): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (error) {
    if (!(error instanceof ProblemException) || error.getStatus() === 404) throw error;
    if (stale && error.problem.code === 'STALE_VERSION') {
      errors.add(stale.field, stale.message);
      stale.then?.();
    } else errorsFrom(error, errors, fields);
    return false;
  }
}

/**
 * The werkmakelaar's trajectory pages: the list, opening one, and one trajectory with its hours
 * against the organisation's limits and its switches between forms of work (Simpel Switchen).
 * Everything goes through TrajectoriesService, which scopes to the werkmakelaar's organisation.
 */
@WebController('werkmakelaar/trajecten')
export class TrajectoryPagesController {
  constructor(
    private readonly pages: PageResponder,
    private readonly trajectories: TrajectoriesService,
    private readonly candidates: CandidatesService,
  ) {}

  @Get()
  @WebAccess('werkmakelaar')
  async list(@Req() req: WebRequest, @Res() res: Response) {
    const { items } = await this.trajectories.list(actorOf(req), {});
    this.pages.send(req, res, 'werkmakelaar/trajecten', {
      title: 'Trajecten',
      running: items
        .filter((t) => t.status === 'lopend')
        .map((t) => ({
          ...t,
          routeLabel: ROUTE_LABELS[t.route],
          formLabel: t.form ? FORM_LABELS[t.form] : '',
        })),
      ended: items
        .filter((t) => t.status !== 'lopend')
        .map((t) => ({ ...t, routeLabel: ROUTE_LABELS[t.route] })),
    });
  }

  private async newForm(req: WebRequest, res: Response, values: FormBody, errors?: FormErrors) {
    const page = await this.candidates.list(actorOf(req), { limit: 100 } as never);
    const candidates = (page.items as { id: string; pseudonym: string }[]).map((c) => ({
      value: c.id,
      text: c.pseudonym,
    }));
    this.pages.send(req, res, 'werkmakelaar/traject-nieuw', {
      title: 'Traject openen',
      values,
      errors,
      candidateOptions: [{ value: '', text: 'Kies een kandidaat' }, ...candidates],
      routeOptions: options(ROUTES, ROUTE_LABELS, 'Kies een route'),
      formOptions: options(WORK_FORMS, FORM_LABELS, 'Nog geen vorm'),
    });
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
    const candidateId = field(body, 'candidateId');
    const route = field(body, 'route');
    const startDate = field(body, 'startDate');
    if (!candidateId) errors.add('candidateId', 'Kies de kandidaat.');
    if (!(ROUTES as readonly string[]).includes(route)) errors.add('route', 'Kies de route.');
    if (!ISO.test(startDate))
      errors.add('startDate', 'Vul de startdatum in, bijvoorbeeld 2026-12-01.');
    const form = field(body, 'form');
    if (form && !(WORK_FORMS as readonly string[]).includes(form))
      errors.add('form', 'Kies een vorm uit de lijst.');
    if (errors.any) return this.newForm(req, res, body, errors);
    try {
      const created = await this.trajectories.create(actorOf(req), {
        candidateId,
        route: route as (typeof ROUTES)[number],
        startDate,
        form: (form || undefined) as never,
        jobcoachName: field(body, 'jobcoachName') || undefined,
        workplace: field(body, 'workplace') || undefined,
      });
      res.redirect(303, `/werkmakelaar/trajecten/${created.id}`);
    } catch (error) {
      if (!(error instanceof ProblemException)) throw error;
      errorsFrom(error, errors, {
        candidateId: 'Kies een kandidaat van uw organisatie.',
        startDate: 'Vul een geldige startdatum in.',
        jobcoachName: 'Vul een kortere naam in (hoogstens 120 tekens).',
        workplace: 'Vul een kortere werkplek in (hoogstens 200 tekens).',
      });
      return this.newForm(req, res, body, errors);
    }
  }

  private show(
    req: WebRequest,
    res: Response,
    t: TrajectoryView,
    extra: {
      errors?: FormErrors;
      hoursValues?: FormBody;
      switchValues?: FormBody;
      goalValues?: FormBody;
      done?: string;
    } = {},
  ) {
    const rule = t.hours.rule;
    const lastMonday = mondayOf(today());
    this.pages.send(req, res, 'werkmakelaar/traject', {
      title: `Traject ${t.candidate.pseudonym}`,
      t,
      ended: t.status !== 'lopend',
      routeLabel: ROUTE_LABELS[t.route],
      formLabel: t.form ? FORM_LABELS[t.form] : 'Nog geen vorm',
      summary: [
        { key: 'Kandidaat', value: t.candidate.pseudonym },
        { key: 'Route', value: ROUTE_LABELS[t.route] },
        { key: 'Start', value: t.startDate },
        { key: 'Woonplaats (gemeente)', value: t.gemeente },
        { key: 'Vorm van werk nu', value: t.form ? FORM_LABELS[t.form] : '' },
        { key: 'Jobcoach', value: t.formDetails.jobcoachName ?? '' },
        { key: 'Werkplek', value: t.formDetails.workplace ?? '' },
        { key: 'Status', value: t.status === 'lopend' ? 'Loopt' : `Afgelopen op ${t.endDate}` },
      ],
      hours: t.hours,
      phaseText: t.hours.phase ? PHASE_TEXT(t.hours.phase, t.hours.block) : null,
      rule,
      transitions: t.transitions.map((x) => ({
        ...x,
        fromLabel: x.fromForm ? FORM_LABELS[x.fromForm] : 'Geen vorm',
        toLabel: FORM_LABELS[x.toForm],
        decidedByLabel: DECIDED_BY_LABELS[x.decidedBy],
      })),
      earlierForms: t.earlierForms.map((e) => ({ ...e, label: FORM_LABELS[e.form] })),
      goals: t.goals.map((g) => ({
        ...g,
        statusLabel: GOAL_STATUS_LABELS[g.status as GoalStatus] ?? g.status,
        statusOptions: options(GOAL_STATUSES, GOAL_STATUS_LABELS),
      })),
      goalValues: extra.goalValues ?? {},
      formOptions: options(
        WORK_FORMS.filter((f) => f !== t.form),
        FORM_LABELS,
        'Kies de nieuwe vorm',
      ),
      decidedByOptions: options(DECIDED_BY, DECIDED_BY_LABELS),
      hoursValues: extra.hoursValues ?? { weekStart: lastMonday },
      switchValues: extra.switchValues ?? {
        switchedOn: today(),
        decidedBy: 'samen',
      },
      errors: extra.errors,
      done: extra.done,
    });
  }

  /** The closing page: one task (how it ended, when), with the version the werkmakelaar saw. */
  private closeForm(
    req: WebRequest,
    res: Response,
    t: TrajectoryView,
    values: FormBody,
    errors?: FormErrors,
  ) {
    this.pages.send(req, res, 'werkmakelaar/traject-afsluiten', {
      title: `Traject ${t.candidate.pseudonym} afsluiten`,
      t,
      values: { version: String(t.version), ...values },
      errors,
      outcomeOptions: TRAJECTORY_OUTCOMES.map((value) => ({ value, ...OUTCOME_CHOICES[value] })),
      movedAwayOptions: [
        { value: 'ja', text: 'De kandidaat is naar een andere gemeente verhuisd' },
      ],
    });
  }

  @Get(':trajectoryId')
  @WebAccess('werkmakelaar')
  async get(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('trajectoryId', ParseUUIDPipe) id: string,
  ) {
    const done = {
      uren: 'De uren zijn geboekt.',
      wissel: 'De wissel is vastgelegd.',
      leerdoel: 'Het leerdoel staat in het plan van aanpak.',
      doelstatus: 'De status van het leerdoel is opgeslagen.',
      afgesloten: 'Het traject is afgesloten.',
    }[String(req.query.klaar ?? '')];
    this.show(req, res, await this.trajectories.get(actorOf(req), id), { done });
  }

  @Post(':trajectoryId/uren')
  @WebAccess('werkmakelaar')
  async logHours(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('trajectoryId', ParseUUIDPipe) id: string,
  ) {
    const actor = actorOf(req);
    const body = formBody(req);
    const errors = new FormErrors();
    const weekStart = field(body, 'weekStart');
    const hours = Number(field(body, 'hours').replace(',', '.'));
    if (!ISO.test(weekStart))
      errors.add('weekStart', 'Vul de maandag van de week in, bijvoorbeeld 2026-11-23.');
    if (
      !Number.isFinite(hours) ||
      hours < 0.5 ||
      hours > 80 ||
      Math.round(hours * 10) !== hours * 10
    )
      errors.add(
        'hours',
        'Vul een aantal uren in tussen 0,5 en 80 (hoogstens één cijfer achter de komma).',
      );
    const logged =
      !errors.any &&
      (await attempt(
        errors,
        {
          weekStart:
            'Kies de maandag van een week die al begonnen is, niet voor de start van het traject.',
          hours: 'Vul een aantal uren in tussen 0,5 en 80.',
          overrideReason: 'Schrijf in een paar woorden waarom (minstens 3 tekens).',
        },
        () =>
          this.trajectories.logHours(actor, id, {
            weekStart,
            hours,
            overrideReason: field(body, 'overrideReason') || undefined,
          }),
      ));
    if (logged) return res.redirect(303, `/werkmakelaar/trajecten/${id}?klaar=uren`);
    this.show(req, res, await this.trajectories.get(actor, id), { errors, hoursValues: body });
  }

  @Post(':trajectoryId/wissel')
  @WebAccess('werkmakelaar')
  async switchForm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('trajectoryId', ParseUUIDPipe) id: string,
  ) {
    const actor = actorOf(req);
    const body = formBody(req);
    const errors = new FormErrors();
    const toForm = field(body, 'toForm');
    const switchedOn = field(body, 'switchedOn');
    const reason = field(body, 'reason');
    const decidedBy = field(body, 'decidedBy');
    if (!(WORK_FORMS as readonly string[]).includes(toForm))
      errors.add('toForm', 'Kies de nieuwe vorm van werk.');
    if (!ISO.test(switchedOn))
      errors.add('switchedOn', 'Vul de datum van de wissel in, bijvoorbeeld 2026-12-01.');
    if (!reason) errors.add('reason', 'Schrijf kort op waarom de kandidaat wisselt.');
    if (!(DECIDED_BY as readonly string[]).includes(decidedBy))
      errors.add('decidedBy', 'Kies wie besliste.');
    const switched =
      !errors.any &&
      (await attempt(
        errors,
        {
          toForm: 'Kies een andere vorm dan de vorm van nu.',
          switchedOn: 'Kies een datum na de start van het traject en na de vorige wissel.',
          reason: 'Schrijf de reden korter op (hoogstens 1000 tekens).',
          jobcoachName: 'Vul een kortere naam in (hoogstens 120 tekens).',
          workplace: 'Vul een kortere werkplek in (hoogstens 200 tekens).',
        },
        () =>
          this.trajectories.switchForm(actor, id, {
            toForm: toForm as never,
            switchedOn,
            reason,
            decidedBy: decidedBy as never,
            jobcoachName: field(body, 'jobcoachName') || undefined,
            workplace: field(body, 'workplace') || undefined,
          }),
      ));
    if (switched) return res.redirect(303, `/werkmakelaar/trajecten/${id}?klaar=wissel`);
    this.show(req, res, await this.trajectories.get(actor, id), { errors, switchValues: body });
  }

  @Post(':trajectoryId/leerdoelen')
  @WebAccess('werkmakelaar')
  async addGoal(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('trajectoryId', ParseUUIDPipe) id: string,
  ) {
    const actor = actorOf(req);
    const body = formBody(req);
    const errors = new FormErrors();
    const description = field(body, 'description');
    const evaluationDate = field(body, 'evaluationDate');
    if (!description) errors.add('description', 'Schrijf het leerdoel op.');
    else if (description.length > 500)
      errors.add('description', 'Schrijf het leerdoel korter op (hoogstens 500 tekens).');
    if (evaluationDate && !ISO.test(evaluationDate))
      errors.add('evaluationDate', 'Vul een datum in, bijvoorbeeld 2027-01-15, of laat het leeg.');
    const added =
      !errors.any &&
      (await attempt(
        errors,
        {
          description: 'Schrijf het leerdoel korter op (hoogstens 500 tekens).',
          evaluationDate: 'Vul een geldige datum in.',
        },
        () =>
          this.trajectories.addGoal(actor, id, {
            description,
            evaluationDate: evaluationDate || undefined,
          }),
      ));
    if (added) return res.redirect(303, `/werkmakelaar/trajecten/${id}?klaar=leerdoel#leerdoelen`);
    this.show(req, res, await this.trajectories.get(actor, id), { errors, goalValues: body });
  }

  @Post(':trajectoryId/leerdoelen/:goalId')
  @WebAccess('werkmakelaar')
  async goalStatus(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('trajectoryId', ParseUUIDPipe) id: string,
    @Param('goalId', ParseUUIDPipe) goalId: string,
  ) {
    const actor = actorOf(req);
    const body = formBody(req);
    const t = await this.trajectories.get(actor, id);
    const goal = t.goals.find((g) => g.id === goalId);
    if (!goal) throw new NotFoundException();
    const status = field(body, `status-${goalId}`);
    const version = Number(field(body, 'version'));
    const errors = new FormErrors();
    if (!(GOAL_STATUSES as readonly string[]).includes(status))
      errors.add(`status-${goalId}`, 'Kies een status uit de lijst.');
    const saved =
      !errors.any &&
      (await attempt(
        errors,
        {},
        () =>
          this.trajectories.updateGoal(actor, goalId, {
            status: status as GoalStatus,
            version: Number.isInteger(version) && version > 0 ? version : undefined,
          }),
        {
          field: `status-${goalId}`,
          message:
            'Iemand anders heeft dit leerdoel net gewijzigd. Bekijk de status van nu en kies opnieuw.',
        },
      ));
    if (saved)
      return res.redirect(303, `/werkmakelaar/trajecten/${id}?klaar=doelstatus#leerdoelen`);
    this.show(req, res, await this.trajectories.get(actor, id), { errors });
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
    const actor = actorOf(req);
    const body = formBody(req);
    const errors = new FormErrors();
    const outcome = field(body, 'outcome');
    const endDate = field(body, 'endDate');
    const note = field(body, 'note');
    const version = Number(field(body, 'version'));
    if (!(TRAJECTORY_OUTCOMES as readonly string[]).includes(outcome))
      errors.add('outcome', 'Kies hoe het traject eindigde.');
    if (!ISO.test(endDate)) errors.add('endDate', 'Vul de einddatum in, bijvoorbeeld 2026-12-01.');
    if (note.length > 2000)
      errors.add('note', 'Schrijf de toelichting korter op (hoogstens 2000 tekens).');
    const closed =
      !errors.any &&
      (await attempt(
        errors,
        {
          endDate: 'Kies een einddatum op of na de start van het traject.',
          note: 'Schrijf de toelichting korter op (hoogstens 2000 tekens).',
        },
        () =>
          this.trajectories.end(actor, id, {
            outcome: outcome as TrajectoryOutcome,
            endDate,
            movedAway: fieldList(body, 'movedAway').includes('ja'),
            note: note || undefined,
            version: Number.isInteger(version) && version > 0 ? version : undefined,
          }),
        {
          field: 'outcome',
          message:
            'Iemand anders heeft dit traject net gewijzigd. Bekijk het traject opnieuw voordat u het afsluit.',
          // The next submit is then a deliberate one, against the trajectory as it is now.
          then: () => delete body.version,
        },
      ));
    if (closed) return res.redirect(303, `/werkmakelaar/trajecten/${id}?klaar=afgesloten`);
    const t = await this.trajectories.get(actor, id);
    this.closeForm(req, res, t, body, errors);
  }
}
