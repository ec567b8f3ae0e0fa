import { Get, Logger, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ATTENTION_CODES,
  CASELOAD_SORTS,
  type CaseloadQuery,
  CaseloadService,
} from '@werkbrug/caseload';
import { CandidatesService } from '@werkbrug/candidates';
import { addDays, ARRANGEMENTS, today, type Arrangement } from '@werkbrug/domain';
import { ProblemException } from '@werkbrug/http';
import { InterestsService } from '@werkbrug/interests';
import { VacancySearchService } from '@werkbrug/matching';
import { CHECKIN_KINDS, OUTCOMES, PlacementsService } from '@werkbrug/placements';
import { CLOSED_STATUSES, PROPOSAL_STATUSES, ProposalsService } from '@werkbrug/proposals';
import { LADDER_LABELS, LADDER_RUNGS, LadderService } from '@werkbrug/trajectories';
import { VacanciesService } from '@werkbrug/vacancies';
import {
  actorOf,
  field,
  formBody,
  FormErrors,
  keysetPager,
  PageResponder,
  pageCursor,
  WebAccess,
  WebController,
  type WebRequest,
} from '@werkbrug/web';
import { WerksoortenService } from '@werkbrug/werksoorten';
import { listAll } from '@werkbrug/http';
import {
  ARRANGEMENT_WORDS,
  DAY_WORDS,
  hoursWords,
  kmWords,
  listWords,
  PROPOSAL_STATUS_FOR_BROKER,
  TRAVEL_WORDS,
} from '@werkbrug/kandidaat-pages';
import { PURPOSES } from './broker-words';
import { SuggestionsService } from '@werkbrug/matching';

const ATTENTION_WORDS: Record<string, string> = {
  PLACEMENT_ENDING: 'Plaatsing eindigt binnenkort',
  NO_CONTACT: 'Geen contact in 14 dagen',
  INTEREST_SIGNAL: 'Interesse van de kandidaat',
  CONSENT_WAITING: 'Wacht op toestemming',
  EMPLOYER_ANSWER_WAITING: 'Wacht op de werkgever',
  LADDER_OUTDATED: 'Ladder ouder dan 6 maanden',
  PROFILE_INCOMPLETE: 'Profiel niet compleet',
};
const SORT_WORDS: Record<string, string> = {
  attention: 'Eerst wat aandacht nodig heeft',
  name: 'Naam (A–Z)',
  '-name': 'Naam (Z–A)',
  completeness: 'Minst complete profiel eerst',
  '-completeness': 'Meest complete profiel eerst',
  lastContact: 'Langst geen contact eerst',
  '-lastContact': 'Meest recente contact eerst',
};
const CHECKIN_WORDS: Record<string, string> = {
  gesprek: 'Gesprek',
  telefoon: 'Telefoon',
  werkplekbezoek: 'Werkplekbezoek',
  evaluatie: 'Evaluatie',
  overig: 'Anders',
};
const OUTCOME_WORDS: Record<string, string> = {
  contract: 'Contract bij de werkgever',
  detachering_loopt_door: 'Detachering loopt door',
  studie: 'Gaat een opleiding doen',
  vrijwilligerswerk_participatie: 'Vrijwilligerswerk of participatie',
  voortijdig_niet_haalbaar: 'Eerder gestopt: niet haalbaar',
  voortijdig_zelf_beeindigd: 'Eerder gestopt door de kandidaat',
  voortijdig_overig: 'Eerder gestopt: andere reden',
};
const OPEN_STATUSES = PROPOSAL_STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

interface BrokerProposal {
  id: string;
  status: string;
  vacancy: {
    id: string;
    title: string;
    employerName: string;
    place: string;
    arrangements: string[];
  };
  candidate: { id: string; pseudonym: string };
  motivation: string;
  allowedNext: string[];
  createdAt: string;
  version: number;
}
interface BrokerPlacement {
  id: string;
  status: string;
  vacancy: { id: string; title: string; employerName: string };
  candidate: { id: string; pseudonym: string };
  arrangement: string;
  startDate: string;
  plannedEndDate: string | null;
  hoursPerWeek: number;
  outcome: { outcome: string; endedOn: string } | null;
  lastContactOn: string | null;
  version: number;
}

/** A placement with its arrangement and outcome in words, for the list and the placement page. */
const withPlacementWords = (p: BrokerPlacement) => ({
  ...p,
  arrangementText: ARRANGEMENT_WORDS[p.arrangement as Arrangement]?.name ?? p.arrangement,
  outcomeText: p.outcome ? OUTCOME_WORDS[p.outcome.outcome] : null,
});

/**
 * The werkmakelaar's console: caseload, candidate file, matches and proposals, the pipeline, placements,
 * contact moments and workplace search. Every read and write goes through the API's services, so a
 * candidate of another organisation is a 404 here too.
 */
@WebController('werkmakelaar')
export class BrokerPagesController {
  private readonly logger = new Logger(BrokerPagesController.name);

  constructor(
    private readonly pages: PageResponder,
    private readonly caseload: CaseloadService,
    private readonly candidates: CandidatesService,
    private readonly suggestions: SuggestionsService,
    private readonly interests: InterestsService,
    private readonly proposals: ProposalsService,
    private readonly placements: PlacementsService,
    private readonly vacancies: VacanciesService,
    private readonly search: VacancySearchService,
    private readonly werksoorten: WerksoortenService,
    private readonly ladder: LadderService,
  ) {}

  // ---- Caseload --------------------------------------------------------------------------------

  @Get()
  @WebAccess('werkmakelaar')
  async start(@Req() req: WebRequest, @Res() res: Response, @Query() raw: Record<string, string>) {
    const query: CaseloadQuery = {
      owner: raw.wie === 'alle' ? 'all' : 'me',
      q: (raw.zoek ?? '').slice(0, 100) || undefined,
      attention: (['any', ...ATTENTION_CODES] as string[]).includes(raw.aandacht)
        ? (raw.aandacht as CaseloadQuery['attention'])
        : undefined,
      sort: (CASELOAD_SORTS as readonly string[]).includes(raw.sorteer)
        ? (raw.sorteer as CaseloadQuery['sort'])
        : 'attention',
      page: Math.max(1, Math.min(1000, Number.parseInt(raw.pagina ?? '1', 10) || 1)),
      limit: 25,
    };
    const result = await this.caseload.list(actorOf(req), query);
    const pages = Math.max(1, Math.ceil(result.total / result.limit));
    const link = (page: number) => {
      const params = new URLSearchParams({
        ...(raw.wie ? { wie: raw.wie } : {}),
        ...(query.q ? { zoek: query.q } : {}),
        ...(query.attention ? { aandacht: query.attention } : {}),
        sorteer: query.sort ?? 'attention',
        pagina: String(page),
      });
      return `/werkmakelaar?${params.toString()}`;
    };
    this.pages.send(req, res, 'werkmakelaar/caseload', {
      title: 'Mijn kandidaten',
      values: {
        zoek: query.q ?? '',
        aandacht: query.attention ?? '',
        sorteer: query.sort,
        wie: raw.wie === 'alle' ? 'alle' : 'mij',
      },
      attentionOptions: [
        { value: '', text: 'Iedereen' },
        { value: 'any', text: `Heeft aandacht nodig (${result.counts.any ?? 0})` },
        ...ATTENTION_CODES.map((c) => ({
          value: c,
          text: `${ATTENTION_WORDS[c]} (${result.counts[c] ?? 0})`,
        })),
      ],
      sortOptions: CASELOAD_SORTS.map((s) => ({ value: s, text: SORT_WORDS[s] })),
      ownerOptions: [
        { value: 'mij', text: 'Mijn kandidaten' },
        { value: 'alle', text: 'Hele organisatie' },
      ],
      cards: [
        { code: 'NO_CONTACT', n: result.counts.NO_CONTACT ?? 0 },
        { code: 'PLACEMENT_ENDING', n: result.counts.PLACEMENT_ENDING ?? 0 },
        { code: 'INTEREST_SIGNAL', n: result.counts.INTEREST_SIGNAL ?? 0 },
        { code: 'CONSENT_WAITING', n: result.counts.CONSENT_WAITING ?? 0 },
      ].map((c) => ({
        ...c,
        text: ATTENTION_WORDS[c.code],
        href: link(1).replace(/aandacht=[^&]*&?/, '') + `&aandacht=${c.code}`,
      })),
      rows: result.items.map((r) => ({
        ...r,
        missing: r.completeness.missing.slice(0, 2).map((m) => m.text),
      })),
      total: result.total,
      page: result.page,
      pages,
      prev: result.page > 1 ? link(result.page - 1) : null,
      next: result.page < pages ? link(result.page + 1) : null,
    });
  }

  // ---- Candidate file --------------------------------------------------------------------------

  private async file(req: WebRequest, id: string) {
    const actor = actorOf(req);
    // Scoped and not audited: only the work profile and the name (as in the caseload) are shown.
    const c = await this.candidates
      .scoped(actor)
      .leftJoinAndSelect('c.protectedData', 'p')
      .andWhere('c.id = :id', { id })
      .getOne();
    if (!c) throw new ProblemException(404, 'NOT_FOUND', 'Not found', 'Candidate');
    return c;
  }

  @Get('kandidaten/:id')
  @WebAccess('werkmakelaar')
  async candidateFile(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('fout') problem?: string,
    @Query('klaar') done?: string,
  ) {
    await this.filePage(req, res, id, {
      problem,
      done: done === 'ladder' ? 'De meting op de participatieladder is opgeslagen.' : undefined,
    });
  }

  /** The candidate file; with `ladderErrors` the measurement form comes back with its answers (400). */
  private async filePage(
    req: WebRequest,
    res: Response,
    id: string,
    extra: {
      problem?: string;
      done?: string;
      ladderErrors?: FormErrors;
      ladderValues?: Record<string, string>;
    },
  ) {
    const { problem } = extra;
    const actor = actorOf(req);
    const c = await this.file(req, id);
    const [matches, signals, proposals, placements, checkins, row, ladder] = await Promise.all([
      this.suggestions.forCandidate(actor, id, { limit: 10 }).catch((error: unknown) => {
        this.logger.warn(`matches failed: ${error instanceof Error ? error.message : error}`);
        return null;
      }),
      this.interests.forOrganisation(actor, { candidateId: id, status: 'open', limit: 50 }),
      listAll<BrokerProposal>((q) => this.proposals.list(actor, { ...q, candidateId: id })),
      listAll<BrokerPlacement>((q) => this.placements.list(actor, { ...q, candidateId: id })),
      this.placements.checkins(actor, id),
      this.caseload
        .list(actor, { owner: 'all', q: c.pseudonym, limit: 5 })
        .then((r) => r.items.find((i) => i.candidateId === id) ?? null),
      this.ladder.history(actor, id),
    ]);
    this.pages.send(req, res, 'werkmakelaar/kandidaat', {
      title: c.protectedData
        ? `${c.protectedData.firstName} ${c.protectedData.lastName}`
        : `Kandidaat ${c.pseudonym}`,
      candidate: {
        id: c.id,
        pseudonym: `Kandidaat ${c.pseudonym}`,
        wishes: c.werksoortWishes.join(', ') || 'geen',
        interests: c.interests,
        hours: hoursWords(c.hoursMin, c.hoursMax),
        days: listWords(c.days.map((d) => DAY_WORDS[d])),
        place: c.place,
        travel: `${TRAVEL_WORDS[c.travelMode]}${c.maxTravelKm ? `, tot ${kmWords(c.maxTravelKm)}` : ''}`,
        ladder: `Trede ${c.ladderRung}, gemeten op ${c.ladderMeasuredOn}`,
        route: c.route,
        certificates: c.certificates.join(', ') || 'geen',
      },
      attention: row?.attention ?? [],
      completeness: row?.completeness ?? null,
      searchDown: matches === null,
      matches: (matches?.items ?? []).map((m) => ({
        id: m.vacancy.id,
        title: m.vacancy.title,
        employerName: m.vacancy.employerName,
        place: m.vacancy.place,
        distance: kmWords(m.distanceKm),
        score: m.score,
        reasons: m.reasons.map((r) => r.text),
      })),
      nearMisses: (matches?.nearMisses ?? []).map((n) => ({
        id: n.vacancy.id,
        title: n.vacancy.title,
        employerName: n.vacancy.employerName,
        distance: kmWords(n.distanceKm),
        blockers: n.blockers.map((b) => b.text),
      })),
      signals: signals.items,
      proposals: proposals.map((p) => ({ ...p, statusText: PROPOSAL_STATUS_FOR_BROKER[p.status] })),
      placements,
      checkins,
      kindOptions: CHECKIN_KINDS.map((k) => ({ value: k, text: CHECKIN_WORDS[k] })),
      today: today(),
      purposeOptions: PURPOSES.map((p) => ({ value: p, text: p })),
      problem:
        problem === 'contact'
          ? 'Vul een datum in (niet in de toekomst) en kies het soort contact.'
          : null,
      done: extra.done ?? null,
      ladder: {
        measurements: [...ladder.measurements].reverse().map((m) => ({
          ...m,
          rungText: `Trede ${m.rung}: ${m.label}`,
          by: m.byUserId === actor.userId ? 'U' : 'Een collega',
        })),
        path: ladder.path.map((step) => ({
          ...step,
          up: step.direction === 'omhoog',
        })),
        nextDueOn: ladder.nextDueOn,
        overdue: ladder.overdue,
        never: ladder.measurements.length === 0,
        rungOptions: LADDER_RUNGS.map((r) => ({
          value: String(r),
          text: `Trede ${r}: ${LADDER_LABELS[r]}`,
        })),
        values: extra.ladderValues ?? { measuredOn: today() },
      },
      errors: extra.ladderErrors ?? null,
    });
  }

  /** A new measurement on the participatieladder (LadderService.measure, as POST /api/candidates/:id/ladder). */
  @Post('kandidaten/:id/ladder')
  @WebAccess('werkmakelaar')
  async measure(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    await this.file(req, id); // another organisation's candidate: 404 before anything else
    const body = formBody(req);
    const values = {
      rung: field(body, 'rung'),
      measuredOn: field(body, 'measuredOn'),
      ladderNote: field(body, 'ladderNote'),
    };
    const errors = new FormErrors();
    const rung = Number(values.rung);
    if (!(LADDER_RUNGS as readonly number[]).includes(rung))
      errors.add('rung', 'Kies op welke trede de kandidaat nu staat');
    if (!isDate(values.measuredOn))
      errors.add('measuredOn', 'Vul de datum van de meting in, bijvoorbeeld 2026-11-20');
    else if (values.measuredOn > today())
      errors.add('measuredOn', 'De datum van de meting mag niet in de toekomst liggen');
    if (values.ladderNote.length > 2000)
      errors.add('ladderNote', 'Maak de notitie korter (hoogstens 2000 tekens)');
    if (!errors.any) {
      try {
        await this.ladder.measure(actorOf(req), id, {
          rung,
          measuredOn: values.measuredOn,
          ...(values.ladderNote ? { note: values.ladderNote } : {}),
        });
        return res.redirect(303, `/werkmakelaar/kandidaten/${id}?klaar=ladder#ladder`);
      } catch (error) {
        if (!(error instanceof ProblemException) || error.getStatus() === 404) throw error;
        // The service's own date check (a day boundary between clocks): shown at the date.
        errors.add('measuredOn', 'De datum van de meting mag niet in de toekomst liggen');
      }
    }
    await this.filePage(req, res, id, { ladderErrors: errors, ladderValues: values });
  }

  /** The protected part, only with a purpose; every read is in the audit trail (the X-Purpose rule). */
  @Get('kandidaten/:id/dossier')
  @WebAccess('werkmakelaar')
  async protectedPart(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('doel') purpose?: string,
  ) {
    const c = await this.file(req, id);
    if (!purpose || !PURPOSES.includes(purpose)) {
      const errors =
        purpose !== undefined
          ? new FormErrors().add('doel', 'Kies waarom je het dossier opent')
          : null;
      return this.pages.send(req, res, 'werkmakelaar/dossier', {
        title: 'Beschermde gegevens openen',
        candidate: { id, pseudonym: `Kandidaat ${c.pseudonym}` },
        purposeOptions: PURPOSES.map((p) => ({ value: p, text: p })),
        errors,
      });
    }
    const full = (await this.candidates.get(actorOf(req), id, purpose)) as unknown as {
      personal: Record<string, unknown> | null;
    };
    const p = full.personal ?? {};
    this.pages.send(req, res, 'werkmakelaar/dossier', {
      title: 'Beschermde gegevens',
      candidate: { id, pseudonym: `Kandidaat ${c.pseudonym}` },
      purpose,
      rows: [
        { key: 'Naam', value: `${p.firstName ?? ''} ${p.lastName ?? ''}`.trim() },
        { key: 'E-mail', value: p.email },
        { key: 'Telefoon', value: p.phone },
        { key: 'Adres', value: p.address },
        { key: 'Geboortedatum', value: p.dateOfBirth },
        { key: 'Uitkering', value: p.benefitType },
        { key: 'Banenafspraak', value: p.banenafspraak ? 'Ja' : 'Nee' },
        {
          key: 'Loonwaarde',
          value:
            p.loonwaardePct === null || p.loonwaardePct === undefined
              ? null
              : `${p.loonwaardePct}%`,
        },
        { key: 'Notities', value: p.notes },
      ],
    });
  }

  @Post('kandidaten/:id/contact')
  @WebAccess('werkmakelaar')
  async checkin(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    await this.file(req, id); // another organisation's candidate: 404 before anything else
    const body = formBody(req);
    const contactOn = field(body, 'contactOn');
    const kind = field(body, 'kind');
    if (
      !isDate(contactOn) ||
      contactOn > today() ||
      !(CHECKIN_KINDS as readonly string[]).includes(kind)
    )
      return res.redirect(303, `/werkmakelaar/kandidaten/${id}?fout=contact#contact`);
    await this.placements.checkin(actorOf(req), {
      candidateId: id,
      contactOn,
      kind: kind as (typeof CHECKIN_KINDS)[number],
      note: field(body, 'note').slice(0, 4000) || undefined,
    });
    res.redirect(303, `/werkmakelaar/kandidaten/${id}#contact`);
  }

  @Post('interesse/:id/gezien')
  @WebAccess('werkmakelaar')
  async signalSeen(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const row = await this.interests.markSeen(actorOf(req), id);
    res.redirect(303, `/werkmakelaar/kandidaten/${row.candidateId}`);
  }

  // ---- Propose ---------------------------------------------------------------------------------

  @Get('kandidaten/:id/voorstellen/:vacancyId')
  @WebAccess('werkmakelaar')
  async proposeForm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('vacancyId', ParseUUIDPipe) vacancyId: string,
  ) {
    const c = await this.file(req, id);
    const v = await this.vacancies.get(actorOf(req), vacancyId);
    this.pages.send(req, res, 'werkmakelaar/voorstellen', {
      title: 'Kandidaat voorstellen',
      candidate: { id, pseudonym: `Kandidaat ${c.pseudonym}` },
      vacancy: { id: v.id, title: v.title, employerName: v.employer.name, place: v.location.place },
      values: { motivation: '' },
    });
  }

  @Post('kandidaten/:id/voorstellen/:vacancyId')
  @WebAccess('werkmakelaar')
  async propose(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('vacancyId', ParseUUIDPipe) vacancyId: string,
  ) {
    const motivation = field(formBody(req), 'motivation');
    const errors = new FormErrors();
    if (!motivation) errors.add('motivation', 'Schrijf waarom deze werkplek past');
    else if (motivation.length > 2000)
      errors.add('motivation', 'Schrijf niet meer dan 2000 tekens');
    if (!errors.any) {
      try {
        await this.proposals.create(actorOf(req), { candidateId: id, vacancyId, motivation });
        return res.redirect(303, '/werkmakelaar/voorstellen');
      } catch (error) {
        if (!(error instanceof ProblemException && error.code === 'PROPOSAL_EXISTS')) throw error;
        errors.add('motivation', 'Er loopt al een voorstel voor deze kandidaat bij deze werkplek');
      }
    }
    const c = await this.file(req, id);
    const v = await this.vacancies.get(actorOf(req), vacancyId);
    this.pages.send(req, res, 'werkmakelaar/voorstellen', {
      title: 'Kandidaat voorstellen',
      candidate: { id, pseudonym: `Kandidaat ${c.pseudonym}` },
      vacancy: { id: v.id, title: v.title, employerName: v.employer.name, place: v.location.place },
      values: { motivation },
      errors,
    });
  }

  // ---- Pipeline --------------------------------------------------------------------------------

  @Get('voorstellen')
  @WebAccess('werkmakelaar')
  async pipeline(@Req() req: WebRequest, @Res() res: Response) {
    const actor = actorOf(req);
    // Running proposals are the work: all of them. Closed ones only the latest (they grow for ever).
    const columnStatuses = OPEN_STATUSES.filter((s) => s !== 'geplaatst');
    const [running, closedPage] = await Promise.all([
      listAll<BrokerProposal>((q) => this.proposals.list(actor, { ...q, status: columnStatuses })),
      this.proposals.list(actor, { limit: 20, status: [...CLOSED_STATUSES] }),
    ]);
    const buttons = (p: BrokerProposal) =>
      p.allowedNext.map((next) => ({
        next,
        text:
          next === 'geplaatst'
            ? 'Plaatsen'
            : next === 'ingetrokken'
              ? 'Intrekken'
              : `Naar ${PROPOSAL_STATUS_FOR_BROKER[next]?.toLowerCase() ?? next}`,
        placement: next === 'geplaatst',
      }));
    this.pages.send(req, res, 'werkmakelaar/pijplijn', {
      title: 'Voorstellen',
      columns: columnStatuses.map((status) => ({
        status,
        title: PROPOSAL_STATUS_FOR_BROKER[status],
        items: running
          .filter((p) => p.status === status)
          .map((p) => ({ ...p, buttons: buttons(p) })),
      })),
      closed: (closedPage.items as BrokerProposal[]).map((p) => ({
        ...p,
        statusText: PROPOSAL_STATUS_FOR_BROKER[p.status],
      })),
    });
  }

  @Post('voorstellen/:id/status')
  @WebAccess('werkmakelaar')
  async move(@Req() req: WebRequest, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string) {
    await this.proposals.get(actorOf(req), id); // not visible: 404 before anything else
    const status = field(formBody(req), 'status');
    if (!(PROPOSAL_STATUSES as readonly string[]).includes(status) || status === 'geplaatst')
      return res.redirect(303, '/werkmakelaar/voorstellen');
    await this.proposals.changeStatus(actorOf(req), id, {
      status: status as (typeof PROPOSAL_STATUSES)[number],
    });
    res.redirect(303, '/werkmakelaar/voorstellen');
  }

  private async placeForm(
    req: WebRequest,
    res: Response,
    id: string,
    values: Record<string, string>,
    errors: FormErrors | null,
  ) {
    const p = (await this.proposals.get(actorOf(req), id)) as unknown as BrokerProposal;
    this.pages.send(req, res, 'werkmakelaar/plaatsen', {
      title: 'Kandidaat plaatsen',
      proposal: p,
      arrangementOptions: p.vacancy.arrangements.map((a) => ({
        value: a,
        text: ARRANGEMENT_WORDS[a as Arrangement]?.name ?? a,
      })),
      values,
      errors,
    });
  }

  @Get('voorstellen/:id/plaatsen')
  @WebAccess('werkmakelaar')
  async placeFormPage(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    await this.placeForm(req, res, id, { startDate: today(), hoursPerWeek: '16' }, null);
  }

  @Post('voorstellen/:id/plaatsen')
  @WebAccess('werkmakelaar')
  async place(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const body = formBody(req);
    const values = {
      arrangement: field(body, 'arrangement'),
      startDate: field(body, 'startDate'),
      plannedEndDate: field(body, 'plannedEndDate'),
      hoursPerWeek: field(body, 'hoursPerWeek'),
    };
    const errors = new FormErrors();
    if (!(ARRANGEMENTS as readonly string[]).includes(values.arrangement))
      errors.add('arrangement', 'Kies de vorm');
    if (!isDate(values.startDate)) errors.add('startDate', 'Vul de startdatum in als JJJJ-MM-DD');
    if (values.plannedEndDate && !isDate(values.plannedEndDate))
      errors.add('plannedEndDate', 'Vul de einddatum in als JJJJ-MM-DD, of laat hem leeg');
    const hours = Number(values.hoursPerWeek);
    if (!(Number.isInteger(hours) && hours >= 1 && hours <= 40))
      errors.add('hoursPerWeek', 'Vul 1 tot 40 uur in');
    if (!errors.any) {
      try {
        await this.placements.create(actorOf(req), {
          proposalId: id,
          arrangement: values.arrangement,
          startDate: values.startDate,
          ...(values.plannedEndDate ? { plannedEndDate: values.plannedEndDate } : {}),
          hoursPerWeek: hours,
        });
        return res.redirect(303, '/werkmakelaar/plaatsingen');
      } catch (error) {
        if (!(error instanceof ProblemException) || error.getStatus() === 404) throw error;
        errors.add('plannedEndDate', String(error.problem.detail ?? error.problem.title));
      }
    }
    await this.placeForm(req, res, id, values, errors);
  }

  // ---- Placements ------------------------------------------------------------------------------

  @Get('plaatsingen')
  @WebAccess('werkmakelaar')
  async placementList(@Req() req: WebRequest, @Res() res: Response, @Query('na') after?: string) {
    const actor = actorOf(req);
    // Running placements are the work: all of them. Ended ones grow for ever, so they page.
    const cursor = pageCursor(after);
    const [running, endedPage] = await Promise.all([
      listAll<BrokerPlacement>((q) => this.placements.list(actor, { ...q, status: 'lopend' })),
      this.placements.list(actor, { limit: 30, cursor, status: 'beeindigd' }),
    ]);
    const soon = addDays(today(), 14);
    this.pages.send(req, res, 'werkmakelaar/plaatsingen', {
      title: 'Plaatsingen',
      ending: running
        .filter((p) => p.plannedEndDate && p.plannedEndDate <= soon)
        .map(withPlacementWords),
      running: running
        .filter((p) => !p.plannedEndDate || p.plannedEndDate > soon)
        .map(withPlacementWords),
      ended: (endedPage.items as BrokerPlacement[]).map(withPlacementWords),
      endedPager: keysetPager({
        path: '/werkmakelaar/plaatsingen',
        anchor: 'beeindigd',
        label: 'Beëindigde plaatsingen',
        nextText: 'Oudere plaatsingen',
        cursor,
        nextCursor: endedPage.nextCursor,
      }),
    });
  }

  private async placementPage(
    req: WebRequest,
    res: Response,
    id: string,
    errors: FormErrors | null,
    values: Record<string, string> = {},
  ) {
    const p = (await this.placements.get(actorOf(req), id)) as unknown as BrokerPlacement;
    this.pages.send(req, res, 'werkmakelaar/plaatsing', {
      title: `Plaatsing bij ${p.vacancy.employerName}`,
      placement: withPlacementWords(p),
      outcomeOptions: OUTCOMES.map((o) => ({ value: o, text: OUTCOME_WORDS[o] })),
      today: today(),
      values,
      errors,
    });
  }

  @Get('plaatsingen/:id')
  @WebAccess('werkmakelaar')
  async placement(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    await this.placementPage(req, res, id, null);
  }

  @Post('plaatsingen/:id/verlengen')
  @WebAccess('werkmakelaar')
  async extend(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const body = formBody(req);
    const plannedEndDate = field(body, 'plannedEndDate');
    const errors = new FormErrors();
    if (!isDate(plannedEndDate))
      errors.add('plannedEndDate', 'Vul de nieuwe einddatum in als JJJJ-MM-DD');
    else {
      try {
        await this.placements.extend(
          actorOf(req),
          id,
          { plannedEndDate },
          Number(field(body, 'version')) || undefined,
        );
        return res.redirect(303, `/werkmakelaar/plaatsingen/${id}`);
      } catch (error) {
        if (!(error instanceof ProblemException) || error.getStatus() === 404) throw error;
        errors.add('plannedEndDate', String(error.problem.detail ?? error.problem.title));
      }
    }
    await this.placementPage(req, res, id, errors, { plannedEndDate });
  }

  @Post('plaatsingen/:id/beeindigen')
  @WebAccess('werkmakelaar')
  async end(@Req() req: WebRequest, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string) {
    const body = formBody(req);
    const outcome = field(body, 'outcome');
    const endedOn = field(body, 'endedOn');
    const errors = new FormErrors();
    if (!(OUTCOMES as readonly string[]).includes(outcome))
      errors.add('outcome', 'Kies hoe de plaatsing afloopt');
    if (!isDate(endedOn)) errors.add('endedOn', 'Vul de einddatum in als JJJJ-MM-DD');
    if (!errors.any) {
      try {
        const months = Number(field(body, 'contractMonths')) || undefined;
        const hours = Number(field(body, 'contractHours')) || undefined;
        await this.placements.end(
          actorOf(req),
          id,
          {
            outcome: outcome as (typeof OUTCOMES)[number],
            endedOn,
            ...(outcome === 'contract' ? { contractMonths: months, contractHours: hours } : {}),
          },
          Number(field(body, 'version')) || undefined,
        );
        return res.redirect(303, `/werkmakelaar/plaatsingen/${id}`);
      } catch (error) {
        if (!(error instanceof ProblemException) || error.getStatus() === 404) throw error;
        errors.add('outcome', String(error.problem.detail ?? error.problem.title));
      }
    }
    await this.placementPage(req, res, id, errors, {
      outcome,
      endedOn,
      contractMonths: field(body, 'contractMonths'),
      contractHours: field(body, 'contractHours'),
    });
  }

  // ---- Workplaces ------------------------------------------------------------------------------

  @Get('werkplekken')
  @WebAccess('werkmakelaar')
  async workplaces(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Query() raw: Record<string, string>,
  ) {
    const kinds = (await this.werksoorten.list({ active: 'true', limit: 100 })).items;
    const werksoort = kinds.some((k) => k.code === raw.werksoort) ? raw.werksoort : undefined;
    const arrangement = (ARRANGEMENTS as readonly string[]).includes(raw.vorm)
      ? (raw.vorm as Arrangement)
      : undefined;
    const q = (raw.zoek ?? '').slice(0, 200);
    const result = await this.search
      .search(actorOf(req), { q: q || undefined, werksoort, arrangement, limit: 25 })
      .catch((error: unknown) => {
        this.logger.warn(
          `workplace search failed: ${error instanceof Error ? error.message : error}`,
        );
        return null;
      });
    const name = new Map(kinds.map((k) => [k.code, k.name]));
    // Just published on an employer's behalf: say so (the search index follows within seconds).
    const created =
      raw.nieuw && /^[0-9a-f-]{36}$/i.test(raw.nieuw)
        ? await this.vacancies.get(actorOf(req), raw.nieuw).catch(() => null)
        : null;
    this.pages.send(req, res, 'werkmakelaar/werkplekken', {
      title: 'Werkplekken zoeken',
      created: created ? { title: created.title, employerName: created.employer.name } : null,
      values: { zoek: q, werksoort: werksoort ?? '', vorm: arrangement ?? '' },
      werksoortOptions: [
        { value: '', text: 'Alle soorten werk' },
        ...kinds.map((k) => ({
          value: k.code,
          text: `${k.name} (${result?.facets.werksoort[k.code] ?? 0})`,
        })),
      ],
      arrangementOptions: [
        { value: '', text: 'Alle vormen' },
        ...ARRANGEMENTS.map((a) => ({
          value: a,
          text: `${ARRANGEMENT_WORDS[a].name} (${result?.facets.arrangement[a] ?? 0})`,
        })),
      ],
      searchDown: result === null,
      total: result?.estimatedTotalHits ?? 0,
      items: (result?.items ?? []).map((v) => ({
        ...v,
        werksoortName: name.get(v.werksoort.code) ?? v.werksoort.name,
        hours: hoursWords(v.hoursMin, v.hoursMax),
        arrangementText: v.arrangements
          .map((a) => ARRANGEMENT_WORDS[a as Arrangement]?.name ?? a)
          .join(', '),
      })),
    });
  }
}
