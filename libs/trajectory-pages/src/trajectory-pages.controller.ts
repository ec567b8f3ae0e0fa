import { Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CandidatesService } from '@werkbrug/candidates';
import { mondayOf, ROUTES, today } from '@werkbrug/domain';
import { ProblemException } from '@werkbrug/http';
import {
  DECIDED_BY,
  TrajectoriesService,
  WORK_FORMS,
  type TrajectoryView,
} from '@werkbrug/trajectories';
import {
  actorOf,
  field,
  formBody,
  FormErrors,
  PageResponder,
  WebAccess,
  WebController,
  type FormBody,
  type WebRequest,
} from '@werkbrug/web';
import { FORM_LABELS, ROUTE_LABELS, DECIDED_BY_LABELS, PHASE_TEXT } from './page-labels';

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
    await this.newForm(req, res, { startDate: new Date().toISOString().slice(0, 10) });
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
      goals: t.goals,
      formOptions: options(
        WORK_FORMS.filter((f) => f !== t.form),
        FORM_LABELS,
        'Kies de nieuwe vorm',
      ),
      decidedByOptions: options(DECIDED_BY, DECIDED_BY_LABELS),
      hoursValues: extra.hoursValues ?? { weekStart: lastMonday },
      switchValues: extra.switchValues ?? {
        switchedOn: new Date().toISOString().slice(0, 10),
        decidedBy: 'samen',
      },
      errors: extra.errors,
      done: extra.done,
    });
  }

  @Get(':trajectoryId')
  @WebAccess('werkmakelaar')
  async get(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('trajectoryId', ParseUUIDPipe) id: string,
  ) {
    const done = { uren: 'De uren zijn geboekt.', wissel: 'De wissel is vastgelegd.' }[
      String(req.query.klaar ?? '')
    ];
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
    if (!errors.any) {
      try {
        await this.trajectories.logHours(actor, id, {
          weekStart,
          hours,
          overrideReason: field(body, 'overrideReason') || undefined,
        });
        return res.redirect(303, `/werkmakelaar/trajecten/${id}?klaar=uren`);
      } catch (error) {
        if (!(error instanceof ProblemException) || error.getStatus() === 404) throw error;
        errorsFrom(error, errors, {
          weekStart:
            'Kies de maandag van een week die al begonnen is, niet voor de start van het traject.',
          hours: 'Vul een aantal uren in tussen 0,5 en 80.',
          overrideReason: 'Schrijf in een paar woorden waarom (minstens 3 tekens).',
        });
      }
    }
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
    if (!errors.any) {
      try {
        await this.trajectories.switchForm(actor, id, {
          toForm: toForm as never,
          switchedOn,
          reason,
          decidedBy: decidedBy as never,
          jobcoachName: field(body, 'jobcoachName') || undefined,
          workplace: field(body, 'workplace') || undefined,
        });
        return res.redirect(303, `/werkmakelaar/trajecten/${id}?klaar=wissel`);
      } catch (error) {
        if (!(error instanceof ProblemException) || error.getStatus() === 404) throw error;
        errorsFrom(error, errors, {
          toForm: 'Kies een andere vorm dan de vorm van nu.',
          switchedOn: 'Kies een datum na de start van het traject en na de vorige wissel.',
          reason: 'Schrijf de reden korter op (hoogstens 1000 tekens).',
          jobcoachName: 'Vul een kortere naam in (hoogstens 120 tekens).',
          workplace: 'Vul een kortere werkplek in (hoogstens 200 tekens).',
        });
      }
    }
    this.show(req, res, await this.trajectories.get(actor, id), { errors, switchValues: body });
  }
}
