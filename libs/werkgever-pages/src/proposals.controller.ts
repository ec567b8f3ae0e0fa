import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ProblemException } from '@werkbrug/http';
import { DECLINE_REASONS, ProposalsService, type ProposalStatus } from '@werkbrug/proposals';
import {
  actorOf,
  webId,
  field,
  fieldList,
  formBody,
  FormErrors,
  keysetPager,
  PageResponder,
  pageCursor,
  WebAccess,
  WebController,
  type FormBody,
  type WebRequest,
} from '@werkbrug/web';
import { amsterdamToIso } from './amsterdam-time';
import { EmployerContext } from './employer-context';
import { EmployerMarksService, isMark, MARKS } from './employer-marks.service';
import {
  amountTexts,
  GRANTOR_WORDS as GRANTORS,
  INSTRUMENT_STATUS_WORDS as INSTRUMENT_STATUS,
} from '@werkbrug/instruments';
import type { EmployerProposal } from './employer-views';
import { listAll } from '@werkbrug/http';

const OPEN: ProposalStatus[] = ['kennismaking', 'meeloopdag'];
const CLOSED: ProposalStatus[] = ['geplaatst', 'afgewezen', 'ingetrokken'];
const CLOSED_PAGE = 20;

const ANSWERS = [
  { value: 'interested', text: 'Ja, ik wil kennismaken' },
  {
    value: 'not_now',
    text: 'Nu niet',
    hint: 'Bijvoorbeeld omdat het nu te druk is. De werkmakelaar hoort het.',
  },
  { value: 'declined', text: 'Nee, deze kandidaat past niet' },
];
const MEETING_KINDS = [
  { value: 'kennismaking', text: 'Kennismakingsgesprek', hint: 'Een gesprek van ongeveer een uur' },
  { value: 'meeloopdag', text: 'Meeloopdag', hint: 'De kandidaat loopt een dag(deel) mee' },
];
const REASONS = Object.entries(DECLINE_REASONS)
  .filter(([code]) => code !== 'niet_nu')
  .map(([value, text]) => ({ value, text }));
const MARK_OPTIONS = Object.entries(MARKS).map(([value, text]) => ({ value, text }));
const BY_ROLE: Record<string, string> = {
  werkmakelaar: 'de werkmakelaar',
  kandidaat: 'de kandidaat',
  werkgever: 'u',
  admin: 'de beheerder',
};

interface AnswerValues {
  answer: string;
  meetingKind: string;
  dates: string[];
  reason: string;
  note: string;
}

const MESSAGES: Record<string, string> = {
  beantwoord: 'Uw antwoord is verstuurd. De werkmakelaar en de kandidaat krijgen bericht.',
  beoordeeld: 'Uw beoordeling is opgeslagen. Alleen u en uw collega’s zien die.',
};

/**
 * The proposals inbox and one proposal: the anonymous work profile, what the candidate shares, the
 * employer's answer and own status. Visibility and the answer rules are ProposalsService's.
 */
@WebController('werkgever/voorstellen')
export class ProposalsPageController {
  constructor(
    private readonly pages: PageResponder,
    private readonly proposals: ProposalsService,
    private readonly marks: EmployerMarksService,
    private readonly context: EmployerContext,
  ) {}

  @Get()
  @WebAccess('werkgever')
  async inbox(@Req() req: WebRequest, @Res() res: Response, @Query('na') after?: string) {
    const actor = actorOf(req);
    // What needs the employer stays whole on the page; what is closed grows for ever, so it pages.
    const cursor = pageCursor(after);
    const [current, closedPage] = await Promise.all([
      listAll<EmployerProposal>((q) =>
        this.proposals.list(actor, { ...q, status: ['wacht_op_werkgever', ...OPEN] }),
      ),
      this.proposals.list(actor, { limit: CLOSED_PAGE, cursor, status: CLOSED }),
    ]);
    const closed = closedPage.items as EmployerProposal[];
    const marks = await this.marks.marksOf(
      actor,
      [...current, ...closed].map((p) => p.id),
    );
    const row = (p: EmployerProposal) => ({
      ...p,
      markText: MARKS[marks.get(p.id) ?? 'te_beoordelen'],
    });
    this.pages.send(req, res, 'werkgever/voorstellen', {
      title: 'Voorstellen',
      waiting: current.filter((p) => p.status === 'wacht_op_werkgever').map(row),
      running: current.filter((p) => (OPEN as string[]).includes(p.status)).map(row),
      closed: closed.map(row),
      closedPager: keysetPager({
        path: '/werkgever/voorstellen',
        anchor: 'afgerond',
        label: 'Afgeronde voorstellen',
        nextText: 'Oudere afgeronde voorstellen',
        cursor,
        nextCursor: closedPage.nextCursor,
      }),
    });
  }

  private async page(
    req: WebRequest,
    res: Response,
    id: string,
    extra: {
      values?: AnswerValues;
      errors?: FormErrors;
      message?: string;
      conflict?: boolean;
    } = {},
    status = 200,
  ) {
    const actor = actorOf(req);
    const p = (await this.proposals.get(actor, id)) as EmployerProposal;
    const [events, marks, werksoorten] = await Promise.all([
      this.proposals.events(actor, id),
      this.marks.marksOf(actor, [id]),
      this.context.werksoortList(),
    ]);
    const names = Object.fromEntries(werksoorten.map((w) => [w.code, w.name]));
    this.pages.send(
      req,
      res,
      'werkgever/voorstel',
      {
        title: `${p.candidate.pseudonym} voor ${p.vacancy.title}`,
        proposal: p,
        financieelCv: p.shared.financieelCv && {
          disclaimer: p.shared.financieelCv.disclaimer,
          items: p.shared.financieelCv.items.map((i) => ({
            name: i.name,
            status: INSTRUMENT_STATUS[i.status] ?? { text: i.status, tone: 'neutral' },
            amounts: amountTexts(i.amounts),
            applyTo: GRANTORS[i.applyTo.grantor] ?? i.applyTo.grantor,
            sources: i.sources,
          })),
        },
        wishes: p.candidate.werksoortWishes.map((c) => names[c] ?? c),
        history: events.map((e) => ({ ...e, by: BY_ROLE[e.byRole] ?? e.byRole })),
        canAnswer: p.status === 'wacht_op_werkgever',
        answers: ANSWERS,
        meetingKinds: MEETING_KINDS,
        reasons: [{ value: '', text: 'Kies een reden' }, ...REASONS],
        markOptions: MARK_OPTIONS,
        mark: marks.get(id) ?? 'te_beoordelen',
        values: extra.values ?? {
          answer: '',
          meetingKind: '',
          dates: ['', '', ''],
          reason: '',
          note: '',
        },
        errors: extra.errors,
        message: extra.message,
        conflict: extra.conflict,
      },
      status,
    );
  }

  @Get(':id')
  @WebAccess('werkgever')
  async show(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', webId()) id: string,
    @Query('melding') message?: string,
  ) {
    await this.page(req, res, id, { message: message ? MESSAGES[message] : undefined });
  }

  private readAnswer(body: FormBody): AnswerValues {
    const dates = fieldList(body, 'dates');
    return {
      answer: field(body, 'answer'),
      meetingKind: field(body, 'meetingKind'),
      dates: [0, 1, 2].map((i) => dates[i] ?? ''),
      reason: field(body, 'reason'),
      note: field(body, 'note'),
    };
  }

  @Post(':id/antwoord')
  @WebAccess('werkgever')
  async answer(@Req() req: WebRequest, @Res() res: Response, @Param('id', webId()) id: string) {
    const actor = actorOf(req);
    const values = this.readAnswer(formBody(req));
    const errors = new FormErrors();
    const dates = values.dates.filter(Boolean);
    const iso = dates.map(amsterdamToIso);
    if (!['interested', 'not_now', 'declined'].includes(values.answer))
      errors.add('answer', 'Kies uw antwoord');
    if (values.answer === 'interested') {
      if (!['kennismaking', 'meeloopdag'].includes(values.meetingKind))
        errors.add('meetingKind', 'Kies een kennismakingsgesprek of een meeloopdag');
      if (!dates.length) errors.add('dates', 'Stel minstens één datum en tijd voor');
      else if (iso.some((d) => d === null))
        errors.add('dates', 'Vul een echte datum en tijd in, zoals 1 december 2026 om 10:00');
      else if (iso.some((d) => Date.parse(d as string) < Date.now()))
        errors.add('dates', 'Kies een datum en tijd in de toekomst');
    }
    if (values.answer === 'declined' && !REASONS.some((r) => r.value === values.reason))
      errors.add('reason', 'Kies een reden');
    if (values.note.length > 2000) errors.add('note', 'Maak de toelichting korter dan 2000 tekens');
    if (errors.any) return this.page(req, res, id, { values, errors }, 400);
    try {
      await this.proposals.answer(actor, id, {
        answer: values.answer as 'interested' | 'not_now' | 'declined',
        ...(values.answer === 'interested'
          ? {
              meetingKind: values.meetingKind as 'kennismaking' | 'meeloopdag',
              meetingDates: iso as string[],
            }
          : {}),
        ...(values.answer === 'declined' ? { reason: values.reason } : {}),
        ...(values.note ? { note: values.note } : {}),
      });
    } catch (error) {
      // Answered meanwhile (by a colleague) or withdrawn: say so, show the proposal as it is now.
      if (error instanceof ProblemException && error.code === 'ILLEGAL_TRANSITION')
        return this.page(req, res, id, { conflict: true }, 409);
      throw error;
    }
    res.redirect(303, `/werkgever/voorstellen/${id}?melding=beantwoord`);
  }

  @Post(':id/beoordeling')
  @WebAccess('werkgever')
  async mark(@Req() req: WebRequest, @Res() res: Response, @Param('id', webId()) id: string) {
    const actor = actorOf(req);
    // The proposal must be visible to this employer (404 otherwise) before anything is written.
    await this.proposals.get(actor, id);
    const mark = field(formBody(req), 'mark');
    if (!isMark(mark)) {
      const errors = new FormErrors().add('mark', 'Kies een beoordeling');
      return this.page(req, res, id, { errors }, 400);
    }
    await this.marks.set(actor, id, mark);
    res.redirect(303, `/werkgever/voorstellen/${id}?melding=beoordeeld`);
  }
}
