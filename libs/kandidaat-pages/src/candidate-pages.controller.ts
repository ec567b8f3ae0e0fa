import { Get, Logger, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AlertsService } from '@werkbrug/alerts';
import { CandidatesService, toWishesView } from '@werkbrug/candidates';
import { DAYPARTS, DAYS, TRAVEL_MODES, type Arrangement } from '@werkbrug/domain';
import { ProblemException } from '@werkbrug/http';
import { InterestsService } from '@werkbrug/interests';
import type { Blocker, Reason } from '@werkbrug/matching';
import { AuditTrailService, ErasureService, ExportService } from '@werkbrug/privacy';
import { ProposalsService } from '@werkbrug/proposals';
import { VacanciesService } from '@werkbrug/vacancies';
import {
  actorOf,
  field,
  fieldList,
  formBody,
  FormErrors,
  PageResponder,
  SESSION_COOKIE,
  SessionService,
  WebAccess,
  WebController,
  WebPublic,
  type WebRequest,
} from '@werkbrug/web';
import { WerksoortenService } from '@werkbrug/werksoorten';
import { listAll } from '@werkbrug/http';
import {
  ARRANGEMENT_WORDS,
  BLOCKER_HELP,
  DAY_WORDS,
  DAYPART_WORDS,
  hoursWords,
  INTEREST_STATUS_WORDS,
  kmWords,
  listWords,
  PROPOSAL_STATUS_FOR_CANDIDATE,
  TRAVEL_WORDS,
} from '@werkbrug/kandidaat-pages';
import { SuggestionsService } from '@werkbrug/matching';

interface Summary {
  id: string;
  title: string;
  employerName: string;
  werksoort: { code: string; name: string };
  place: string;
  arrangements: string[];
  hoursMin: number;
  hoursMax: number;
}

const arrangementWords = (codes: readonly string[]) =>
  codes.map((a) => ARRANGEMENT_WORDS[a as Arrangement] ?? { name: a, explain: '' });

const workplaceCard = (v: Summary, distanceKm: number) => ({
  id: v.id,
  title: v.title,
  employerName: v.employerName,
  place: v.place,
  werksoort: v.werksoort.name,
  distance: kmWords(distanceKm),
  hours: hoursWords(v.hoursMin, v.hoursMax),
  arrangements: arrangementWords(v.arrangements),
});

interface ProposalForCandidate {
  id: string;
  status: string;
  vacancy: { id: string; title: string; employerName: string; place: string };
  motivation: string;
  werkmakelaar: { name: string; email: string };
  consent: { sharedFields: string[]; expiresAt: string; active: boolean } | null;
  sharePreview: {
    firstName: string | null;
    werkmakelaarContact: { name: string; email: string };
    anonymousProfile: {
      pseudonym: string;
      place: string;
      werksoortWishes: string[];
      hoursMin: number;
      hoursMax: number;
      certificates: string[];
      languageLevel: string;
      workConditions: string[];
    };
  };
  allowedNext: string[];
  createdAt: string;
  version: number;
}

const CONSENT_DAYS = 90;
const CONFIRM_OPTIONS = [{ value: 'ja', text: 'Ja, ik weet zeker dat alles weg mag' }];

/**
 * The candidate's own pages: B1 Dutch with "je", one task per page, mobile first, no JavaScript needed.
 * Every read and write goes through the same services as the API (their scoping: only yourself).
 */
@WebController('kandidaat')
export class CandidatePagesController {
  private readonly logger = new Logger(CandidatePagesController.name);

  constructor(
    private readonly pages: PageResponder,
    private readonly suggestions: SuggestionsService,
    private readonly vacancies: VacanciesService,
    private readonly werksoorten: WerksoortenService,
    private readonly interests: InterestsService,
    private readonly proposals: ProposalsService,
    private readonly candidates: CandidatesService,
    private readonly alerts: AlertsService,
    private readonly trail: AuditTrailService,
    private readonly exporter: ExportService,
    private readonly erasure: ErasureService,
    private readonly sessions: SessionService,
  ) {}

  private self(req: WebRequest) {
    const actor = actorOf(req);
    return { actor, candidateId: actor.candidateId as string };
  }

  private async waitingConsents(req: WebRequest) {
    const { actor } = this.self(req);
    return listAll<ProposalForCandidate>((q) =>
      this.proposals.list(actor, { ...q, status: ['wacht_op_kandidaat'] }),
    );
  }

  // ---- Mijn werkplekken ------------------------------------------------------------------------

  @Get()
  @WebAccess('kandidaat')
  async start(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Query('werksoort') werksoort?: string,
  ) {
    const { actor, candidateId } = this.self(req);
    const kinds = (await this.werksoorten.list({ active: 'true', limit: 100 })).items;
    const chosen = kinds.some((k) => k.code === werksoort) ? werksoort : undefined;
    const [found, waiting] = await Promise.all([
      // When search is down the page still opens and says so; the rest of the site keeps working.
      this.suggestions
        .forCandidate(actor, candidateId, { limit: 20, werksoort: chosen })
        .catch((error: unknown) => {
          this.logger.warn(`suggestions failed: ${error instanceof Error ? error.message : error}`);
          return null;
        }),
      this.waitingConsents(req),
    ]);
    const result = found ?? { items: [], nearMisses: [] };
    this.pages.send(req, res, 'kandidaat/werkplekken', {
      title: 'Mijn werkplekken',
      waitingCount: waiting.length,
      werksoortOptions: [
        { value: '', text: 'Alle soorten werk' },
        ...kinds.map((k) => ({ value: k.code, text: k.name })),
      ],
      werksoort: chosen ?? '',
      searchDown: found === null,
      items: result.items.map((m) => ({
        ...workplaceCard(m.vacancy, m.distanceKm),
        reasons: m.reasons.map((r: Reason) => r.text),
      })),
      nearMisses: result.nearMisses.map((n) => ({
        ...workplaceCard(n.vacancy, n.distanceKm),
        blockers: n.blockers.map((b: Blocker) => ({ text: b.text, help: BLOCKER_HELP[b.code] })),
      })),
    });
  }

  @Get('werkplekken/:id')
  @WebAccess('kandidaat')
  async workplace(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const { actor, candidateId } = this.self(req);
    const v = await this.vacancies.get(actor, id);
    const [result, signals] = await Promise.all([
      this.suggestions.forCandidate(actor, candidateId, { limit: 50 }).catch(() => null),
      this.interests.mine(actor),
    ]);
    const match = result?.items.find((m) => m.vacancy.id === id);
    const near = result?.nearMisses.find((n) => n.vacancy.id === id);
    const signal = signals.find((s) => s.vacancy.id === id && s.status !== 'ingetrokken');
    this.pages.send(req, res, 'kandidaat/werkplek', {
      title: v.title,
      vacancy: {
        id: v.id,
        title: v.title,
        description: v.description,
        employerName: v.employer.name,
        place: v.location.place,
        hours: hoursWords(v.hoursMin, v.hoursMax),
        days: listWords(v.workingDays.map((d) => DAY_WORDS[d])),
        arrangements: arrangementWords(v.arrangements),
        jobcoachWelcome: v.jobcoachWelcome,
        hoursAdjustable: v.hoursAdjustable,
      },
      distance: match ? kmWords(match.distanceKm) : near ? kmWords(near.distanceKm) : null,
      reasons: match?.reasons.map((r) => r.text) ?? [],
      blockers: near?.blockers.map((b) => ({ text: b.text, help: BLOCKER_HELP[b.code] })) ?? [],
      signal: signal ? { status: INTEREST_STATUS_WORDS[signal.status] } : null,
    });
  }

  @Post('werkplekken/:id/interesse')
  @WebAccess('kandidaat')
  async interested(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const note = field(formBody(req), 'note').slice(0, 500);
    await this.interests.express(actorOf(req), { vacancyId: id, note: note || undefined });
    res.redirect(303, `/kandidaat/werkplekken/${id}`);
  }

  // ---- Mijn interesse --------------------------------------------------------------------------

  @Get('interesse')
  @WebAccess('kandidaat')
  async interestList(@Req() req: WebRequest, @Res() res: Response) {
    const signals = await this.interests.mine(actorOf(req));
    this.pages.send(req, res, 'kandidaat/interesse', {
      title: 'Mijn interesse',
      signals: signals.map((s) => ({
        id: s.id,
        vacancy: s.vacancy,
        status: INTEREST_STATUS_WORDS[s.status],
        open: s.status !== 'ingetrokken',
        createdAt: s.createdAt,
      })),
    });
  }

  @Post('interesse/:id/intrekken')
  @WebAccess('kandidaat')
  async withdrawInterest(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    await this.interests.withdraw(actorOf(req), id);
    res.redirect(303, '/kandidaat/interesse');
  }

  // ---- Toestemming -----------------------------------------------------------------------------

  @Get('toestemming')
  @WebAccess('kandidaat')
  async consents(@Req() req: WebRequest, @Res() res: Response) {
    const { actor } = this.self(req);
    const all = await listAll<ProposalForCandidate>((q) => this.proposals.list(actor, q));
    const row = (p: ProposalForCandidate) => ({
      id: p.id,
      vacancy: p.vacancy,
      status: PROPOSAL_STATUS_FOR_CANDIDATE[p.status] ?? p.status,
      expiresAt: p.consent?.expiresAt,
      shared: this.sharedWords(p, p.consent?.sharedFields ?? []),
    });
    this.pages.send(req, res, 'kandidaat/toestemming', {
      title: 'Toestemming',
      waiting: all.filter((p) => p.status === 'wacht_op_kandidaat').map(row),
      sharing: all.filter((p) => p.consent?.active).map(row),
      done: all.filter((p) => p.status !== 'wacht_op_kandidaat' && !p.consent?.active).map(row),
    });
  }

  /** What the employer sees, in words: always the work profile, plus what the candidate chose. */
  private sharedWords(p: ProposalForCandidate, fields: readonly string[]) {
    const a = p.sharePreview.anonymousProfile;
    return [
      `Je profiel zonder naam: ${a.pseudonym}, woonplaats ${a.place}, ${hoursWords(a.hoursMin, a.hoursMax)}`,
      ...(a.certificates.length ? [`Je certificaten: ${listWords(a.certificates)}`] : []),
      `Wat je kunt: ${listWords(a.workConditions.filter(Boolean))}`,
      ...(fields.includes('firstName') && p.sharePreview.firstName
        ? [`Je voornaam: ${p.sharePreview.firstName}`]
        : []),
      ...(fields.includes('werkmakelaarContact')
        ? [`Naam en e-mail van je werkmakelaar: ${p.sharePreview.werkmakelaarContact.name}`]
        : []),
    ];
  }

  @Get('toestemming/:id')
  @WebAccess('kandidaat')
  async consentRequest(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const p = (await this.proposals.get(actorOf(req), id)) as unknown as ProposalForCandidate;
    this.renderConsent(req, res, p, null);
  }

  private renderConsent(
    req: WebRequest,
    res: Response,
    p: ProposalForCandidate,
    errors: FormErrors | null,
  ) {
    const until = new Date(Date.now() + CONSENT_DAYS * 86_400_000).toISOString();
    this.pages.send(req, res, 'kandidaat/toestemming-vraag', {
      title: `Mag je werkmakelaar je voorstellen bij ${p.vacancy.employerName}?`,
      proposal: p,
      status: PROPOSAL_STATUS_FOR_CANDIDATE[p.status] ?? p.status,
      canAnswer: p.status === 'wacht_op_kandidaat',
      canStop: p.consent?.active ?? false,
      always: this.sharedWords(p, []),
      shared: this.sharedWords(p, p.consent?.sharedFields ?? []),
      expiresAt: p.consent?.expiresAt ?? null,
      until,
      shareOptions: [
        ...(p.sharePreview.firstName
          ? [{ value: 'firstName', text: `Mijn voornaam (${p.sharePreview.firstName})` }]
          : []),
        {
          value: 'werkmakelaarContact',
          text: `Naam en e-mail van mijn werkmakelaar (${p.werkmakelaar.name})`,
        },
      ],
      errors,
    });
  }

  @Post('toestemming/:id/ja')
  @WebAccess('kandidaat')
  async agree(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const share = fieldList(formBody(req), 'share').filter(
      (s): s is 'firstName' | 'werkmakelaarContact' =>
        s === 'firstName' || s === 'werkmakelaarContact',
    );
    await this.proposals.consent(actorOf(req), id, { share, validForDays: CONSENT_DAYS });
    res.redirect(303, '/kandidaat/toestemming?gedeeld=1');
  }

  @Post('toestemming/:id/nee')
  @WebAccess('kandidaat')
  async decline(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    await this.proposals.changeStatus(actorOf(req), id, {
      status: 'afgewezen',
      note: 'De kandidaat wil dit niet.',
    });
    res.redirect(303, '/kandidaat/toestemming');
  }

  @Post('toestemming/:id/stoppen')
  @WebAccess('kandidaat')
  async stopSharing(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    await this.proposals.withdrawConsent(actorOf(req), id);
    res.redirect(303, '/kandidaat/toestemming?gestopt=1');
  }

  // ---- Mijn wensen -----------------------------------------------------------------------------

  private async wishesModel(req: WebRequest) {
    const { actor, candidateId } = this.self(req);
    const c = await this.candidates
      .scoped(actor)
      .andWhere('c.id = :id', { id: candidateId })
      .getOneOrFail();
    const kinds = (await this.werksoorten.list({ active: 'true', limit: 100 })).items;
    return { wishes: toWishesView(c), kinds };
  }

  private renderWishes(
    req: WebRequest,
    res: Response,
    model: Awaited<ReturnType<CandidatePagesController['wishesModel']>>,
    values: Record<string, unknown>,
    errors: FormErrors | null,
    saved = false,
  ) {
    this.pages.send(req, res, 'kandidaat/wensen', {
      title: 'Mijn wensen',
      saved,
      values,
      version: model.wishes.version,
      werksoortOptions: model.kinds.map((k) => ({ value: k.code, text: k.name })),
      dayOptions: DAYS.map((d) => ({ value: d, text: DAY_WORDS[d] })),
      daypartOptions: DAYPARTS.map((d) => ({ value: d, text: DAYPART_WORDS[d] })),
      travelOptions: TRAVEL_MODES.map((m) => ({ value: m, text: TRAVEL_WORDS[m] })),
      errors,
    });
  }

  @Get('wensen')
  @WebAccess('kandidaat')
  async wishes(@Req() req: WebRequest, @Res() res: Response, @Query('opgeslagen') saved?: string) {
    const model = await this.wishesModel(req);
    const w = model.wishes;
    this.renderWishes(
      req,
      res,
      model,
      {
        werksoortWishes: w.werksoortWishes,
        interests: w.interests,
        hoursMin: String(w.hoursMin),
        hoursMax: String(w.hoursMax),
        days: w.days,
        dayparts: w.dayparts,
        travelMode: w.travelMode,
        maxTravelKm: w.maxTravelKm === null ? '' : String(w.maxTravelKm).replace('.', ','),
      },
      null,
      saved === '1',
    );
  }

  @Post('wensen')
  @WebAccess('kandidaat')
  async saveWishes(@Req() req: WebRequest, @Res() res: Response) {
    const body = formBody(req);
    const model = await this.wishesModel(req);
    const values = {
      werksoortWishes: fieldList(body, 'werksoortWishes'),
      interests: field(body, 'interests'),
      hoursMin: field(body, 'hoursMin'),
      hoursMax: field(body, 'hoursMax'),
      days: fieldList(body, 'days'),
      dayparts: fieldList(body, 'dayparts'),
      travelMode: field(body, 'travelMode'),
      maxTravelKm: field(body, 'maxTravelKm'),
    };
    const errors = new FormErrors();
    const codes = new Set(model.kinds.map((k) => k.code));
    if (values.werksoortWishes.some((c) => !codes.has(c)))
      errors.add('werksoortWishes', 'Kies soorten werk uit de lijst');
    if (values.interests.length > 2000)
      errors.add('interests', 'Schrijf niet meer dan 2000 tekens');
    const hour = (v: string) => (/^\d{1,2}$/.test(v) ? Number(v) : NaN);
    const [min, max] = [hour(values.hoursMin), hour(values.hoursMax)];
    if (!(min >= 1 && min <= 40)) errors.add('hoursMin', 'Vul een aantal uren in van 1 tot 40');
    if (!(max >= 1 && max <= 40)) errors.add('hoursMax', 'Vul een aantal uren in van 1 tot 40');
    else if (min > max)
      errors.add('hoursMax', 'Het meeste aantal uren moet groter zijn dan het minste');
    if (!values.days.length || values.days.some((d) => !(DAYS as readonly string[]).includes(d)))
      errors.add('days', 'Kies minstens één dag');
    if (
      !values.dayparts.length ||
      values.dayparts.some((d) => !(DAYPARTS as readonly string[]).includes(d))
    )
      errors.add('dayparts', 'Kies minstens één dagdeel');
    if (!(TRAVEL_MODES as readonly string[]).includes(values.travelMode))
      errors.add('travelMode', 'Kies hoe je reist');
    const km = values.maxTravelKm ? Number(values.maxTravelKm.replace(',', '.')) : null;
    if (km !== null && !(km >= 0.5 && km <= 200 && Math.round(km * 10) === km * 10))
      errors.add('maxTravelKm', 'Vul een afstand in van 0,5 tot 200 kilometer');
    if (errors.any) return this.renderWishes(req, res, model, values, errors);
    const version = Number(field(body, 'version')) || model.wishes.version;
    try {
      await this.candidates.update(
        actorOf(req),
        this.self(req).candidateId,
        {
          werksoortWishes: values.werksoortWishes,
          interests: values.interests,
          hoursMin: min,
          hoursMax: max,
          days: values.days as (typeof DAYS)[number][],
          dayparts: values.dayparts as (typeof DAYPARTS)[number][],
          travelMode: values.travelMode as (typeof TRAVEL_MODES)[number],
          ...(km !== null ? { maxTravelKm: km } : {}),
        },
        version,
      );
    } catch (error) {
      if (error instanceof ProblemException && error.code === 'STALE_VERSION') {
        errors.add(
          'werksoortWishes',
          'Je wensen zijn net ergens anders veranderd. Kijk ze na en sla opnieuw op.',
        );
        return this.renderWishes(req, res, await this.wishesModel(req), values, errors);
      }
      throw error;
    }
    res.redirect(303, '/kandidaat/wensen?opgeslagen=1');
  }

  // ---- Berichten -------------------------------------------------------------------------------

  @Get('berichten')
  @WebAccess('kandidaat')
  async messages(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Query('opgeslagen') saved?: string,
  ) {
    const view = await this.alerts.get(actorOf(req));
    this.renderMessages(
      req,
      res,
      view,
      { active: view.active ? 'ja' : 'nee', frequency: view.frequency },
      null,
      saved === '1',
    );
  }

  private renderMessages(
    req: WebRequest,
    res: Response,
    view: Awaited<ReturnType<AlertsService['get']>>,
    values: Record<string, string>,
    errors: FormErrors | null,
    saved = false,
  ) {
    this.pages.send(req, res, 'kandidaat/berichten', {
      title: 'Berichten',
      view,
      values,
      saved,
      activeOptions: [
        { value: 'ja', text: 'Ja, stuur me een e-mail over nieuwe werkplekken' },
        { value: 'nee', text: 'Nee, liever niet' },
      ],
      frequencyOptions: [
        { value: 'dagelijks', text: 'Elke dag (alleen als er iets nieuws is)' },
        { value: 'wekelijks', text: 'Eén keer per week' },
      ],
      errors,
    });
  }

  @Post('berichten')
  @WebAccess('kandidaat')
  async saveMessages(@Req() req: WebRequest, @Res() res: Response) {
    const body = formBody(req);
    const values = { active: field(body, 'active'), frequency: field(body, 'frequency') };
    const errors = new FormErrors();
    if (!['ja', 'nee'].includes(values.active)) errors.add('active', 'Kies ja of nee');
    if (!['dagelijks', 'wekelijks'].includes(values.frequency))
      errors.add('frequency', 'Kies hoe vaak je een e-mail wilt');
    if (!errors.any) {
      try {
        await this.alerts.set(actorOf(req), {
          active: values.active === 'ja',
          frequency: values.frequency as 'dagelijks' | 'wekelijks',
        });
        return res.redirect(303, '/kandidaat/berichten?opgeslagen=1');
      } catch (error) {
        if (!(error instanceof ProblemException && error.code === 'NO_EMAIL')) throw error;
        errors.add(
          'active',
          'We hebben geen e-mailadres van je. Vraag je werkmakelaar om het in te vullen.',
        );
      }
    }
    this.renderMessages(req, res, await this.alerts.get(actorOf(req)), values, errors);
  }

  /** The link in an alert mail: works without logging in; a button, so a mail scanner does not unsubscribe. */
  @Get('berichten/stoppen/:token')
  @WebPublic()
  async unsubscribePage(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('token') token: string,
  ) {
    await this.ensureSession(req, res);
    this.pages.send(req, res, 'kandidaat/berichten-stoppen', {
      title: 'Stoppen met berichten',
      token,
      done: false,
    });
  }

  @Post('berichten/stoppen/:token')
  @WebPublic()
  async unsubscribe(@Req() req: WebRequest, @Res() res: Response, @Param('token') token: string) {
    try {
      await this.alerts.unsubscribe(token);
    } catch (error) {
      if (!(error instanceof ProblemException && error.code === 'INVALID_LINK')) throw error;
      return this.pages.send(
        req,
        res,
        'kandidaat/berichten-stoppen',
        { title: 'Deze link werkt niet', token, invalid: true },
        400,
      );
    }
    this.pages.send(req, res, 'kandidaat/berichten-stoppen', {
      title: 'Je krijgt geen berichten meer',
      token,
      done: true,
    });
  }

  /** The unsubscribe form needs a session for its CSRF token: an anonymous one, as for the login form. */
  private async ensureSession(req: WebRequest, res: Response) {
    if (req.web?.session) return;
    const { cookieValue, csrfToken } = await this.sessions.create(null);
    res.cookie(SESSION_COOKIE, cookieValue, {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
      path: '/',
    });
    req.web = { session: { id: '', csrfToken, actor: null, user: null, termsAccepted: false } };
  }

  // ---- Mijn gegevens ---------------------------------------------------------------------------

  @Get('gegevens')
  @WebAccess('kandidaat')
  async myData(@Req() req: WebRequest, @Res() res: Response, @Query('verder') cursor?: string) {
    const { candidateId } = this.self(req);
    const { toCandidateAuditEntry } = await import('@werkbrug/privacy');
    const page = await this.trail.page(
      { candidateId },
      { limit: 20, cursor: cursor || undefined },
      toCandidateAuditEntry,
    );
    const ACTIONS: Record<string, string> = {
      'candidate.read': 'heeft je dossier gelezen',
      'candidate.create': 'heeft je dossier gemaakt',
      'candidate.update': 'heeft je gegevens veranderd',
      'candidate.export': 'heeft je gegevens gedownload',
      'interest.create': 'heeft interesse doorgegeven',
      'interest.withdraw': 'heeft interesse teruggetrokken',
      'alerts.update': 'heeft de berichten veranderd',
      'alerts.unsubscribe': 'heeft de berichten gestopt',
      'consent.give': 'heeft toestemming gegeven',
      'consent.withdraw': 'heeft toestemming ingetrokken',
      'proposal.create': 'heeft je voorgesteld bij een werkgever',
      'proposal.shared_read': 'heeft je gedeelde profiel bekeken',
      'placement.create': 'heeft een plaatsing gestart',
      'placement.extend': 'heeft een plaatsing verlengd',
      'placement.end': 'heeft een plaatsing beëindigd',
      'checkin.create': 'heeft een gesprek met je opgeschreven',
    };
    const WHO: Record<string, string> = {
      kandidaat: 'Jij',
      werkmakelaar: 'Een werkmakelaar',
      admin: 'Een beheerder',
      werkgever: 'Een werkgever',
      system: 'Werkbrug',
    };
    this.pages.send(req, res, 'kandidaat/gegevens', {
      title: 'Mijn gegevens',
      entries: page.items.map((e) => ({
        at: e.at,
        who: `${WHO[e.actorRole] ?? e.actorRole}${e.organisation ? ` van ${e.organisation}` : ''}`,
        what: ACTIONS[e.action] ?? e.action,
        purpose: e.purpose,
      })),
      next: page.nextCursor,
    });
  }

  @Get('gegevens/download')
  @WebAccess('kandidaat')
  async download(@Req() req: WebRequest, @Res() res: Response) {
    const { actor, candidateId } = this.self(req);
    const data = await this.exporter.export(actor, candidateId, 'download door de kandidaat');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', 'attachment; filename="mijn-gegevens-werkbrug.json"');
    res.type('application/json').send(JSON.stringify(data, null, 2));
  }

  @Get('gegevens/verwijderen')
  @WebAccess('kandidaat')
  erasePage(@Req() req: WebRequest, @Res() res: Response) {
    this.pages.send(req, res, 'kandidaat/verwijderen', {
      title: 'Mijn gegevens verwijderen',
      confirmOptions: CONFIRM_OPTIONS,
    });
  }

  @Post('gegevens/verwijderen')
  @WebAccess('kandidaat')
  async erase(@Req() req: WebRequest, @Res() res: Response) {
    const { actor, candidateId } = this.self(req);
    if (field(formBody(req), 'zeker') !== 'ja') {
      const errors = new FormErrors().add(
        'zeker',
        'Zet een vinkje als je zeker weet dat alles weg mag',
      );
      return this.pages.send(req, res, 'kandidaat/verwijderen', {
        title: 'Mijn gegevens verwijderen',
        confirmOptions: CONFIRM_OPTIONS,
        errors,
      });
    }
    await this.erasure.erase(
      actor,
      candidateId,
      'self',
      async (em, id) =>
        !!(await this.candidates
          .scoped(actor, em)
          .andWhere('c.id = :id', { id })
          .setLock('pessimistic_write')
          .getOne()),
    );
    await this.sessions.endAllFor(actor.userId);
    this.pages.send(req, res, 'kandidaat/verwijderd', {
      title: 'Je gegevens zijn verwijderd',
      user: null,
    });
  }
}
