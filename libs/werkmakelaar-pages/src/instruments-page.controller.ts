import { Get, Logger, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '@werkbrug/auth';
import { CandidatesService } from '@werkbrug/candidates';
import { listAll, ProblemException } from '@werkbrug/http';
import {
  amountTexts,
  provisionalText,
  BENEFIT_WORDS,
  CandidateInstrumentsService,
  GRANTOR_WORDS,
  INSTRUMENT_STATUS_WORDS,
} from '@werkbrug/instruments';
import { MatchingService } from '@werkbrug/matching';
import { ProposalsService } from '@werkbrug/proposals';
import { VacanciesService } from '@werkbrug/vacancies';
import {
  actorOf,
  FormErrors,
  PageResponder,
  WebAccess,
  WebController,
  yesNo,
  type Choice,
  type SummaryRow,
  type WebRequest,
} from '@werkbrug/web';
import { labelOf } from '@werkbrug/domain';
import { PURPOSES } from './broker-words';
import { purposeOptions } from './candidate-file.view';
import { kmWords } from '@werkbrug/kandidaat-pages';

/** The answer on the page `werkmakelaar/instrumenten`, once a workplace and purpose are chosen. */
interface InstrumentsResult {
  workplace: string;
  purpose: string;
  date: string;
  disclaimer: string;
  facts: SummaryRow[];
  items: Record<string, unknown>[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUS_ORDER = { applies: 0, may_apply: 1, does_not_apply: 2 } as const;

/**
 * Instruments for one candidate at one workplace, in the candidate file: the werkmakelaar picks a
 * workplace and says why (the facts come from the protected file), and sees per instrument whether
 * it applies, what it is worth, where and until when to apply, and the sources — always indicative.
 * The answer comes from CandidateInstrumentsService, the service behind GET /api/candidates/:id/instruments
 * (purpose required, read audited).
 */
@WebController('werkmakelaar/kandidaten')
export class InstrumentsPageController {
  private readonly logger = new Logger(InstrumentsPageController.name);

  constructor(
    private readonly pages: PageResponder,
    private readonly candidates: CandidatesService,
    private readonly instruments: CandidateInstrumentsService,
    private readonly matching: MatchingService,
    private readonly proposals: ProposalsService,
    private readonly vacancies: VacanciesService,
  ) {}

  /** Workplaces to choose from: the candidate's matches in reach, those already proposed, else open ones. */
  private async workplaceChoices(actor: Actor, candidateId: string): Promise<Choice[]> {
    const [matches, proposed] = await Promise.all([
      this.matching.forCandidate(actor, candidateId, { limit: 10 }).catch((error: unknown) => {
        this.logger.warn(`matches failed: ${error instanceof Error ? error.message : error}`);
        return null;
      }),
      listAll((q) => this.proposals.list(actor, { ...q, candidateId })),
    ]);
    const choices = new Map<string, Choice>();
    for (const m of matches?.items ?? [])
      choices.set(m.vacancy.id, {
        value: m.vacancy.id,
        text: `${m.vacancy.title} bij ${m.vacancy.employerName}`,
        hint: `Past bij de kandidaat, ${kmWords(m.distanceKm)}`,
      });
    for (const p of proposed)
      if (!choices.has(p.vacancy.id))
        choices.set(p.vacancy.id, {
          value: p.vacancy.id,
          text: `${p.vacancy.title} bij ${p.vacancy.employerName}`,
          hint: 'Al voorgesteld',
        });
    for (const n of matches?.nearMisses ?? [])
      if (!choices.has(n.vacancy.id))
        choices.set(n.vacancy.id, {
          value: n.vacancy.id,
          text: `${n.vacancy.title} bij ${n.vacancy.employerName}`,
          hint: `Past bijna, ${kmWords(n.distanceKm)}`,
        });
    // Search down or nothing in reach: the open workplaces the werkmakelaar may see, newest first.
    if (!choices.size) {
      const open = await this.vacancies.list(actor, { status: 'open', limit: 20 });
      for (const v of open.items)
        choices.set(v.id, {
          value: v.id,
          text: `${v.title} bij ${v.employer.name}`,
          hint: `Open werkplek in ${v.location.place}`,
        });
    }
    return [...choices.values()];
  }

  @Get(':id/instrumenten')
  @WebAccess('werkmakelaar')
  async page(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() raw: Record<string, unknown>,
  ) {
    const actor = actorOf(req);
    // Scoped like the candidate file: another organisation's candidate is a 404.
    const c = await this.candidates.scoped(actor).andWhere('c.id = :id', { id }).getOne();
    if (!c) throw new ProblemException(404, 'NOT_FOUND', 'Not found', 'Candidate');
    const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
    const values = { werkplek: text(raw.werkplek), doel: text(raw.doel) };
    const asked = raw.bekijk !== undefined;
    const choices = await this.workplaceChoices(actor, id);
    // A workplace chosen elsewhere (a link from the file) is offered too, if the werkmakelaar may see it.
    if (UUID.test(values.werkplek) && !choices.some((o) => o.value === values.werkplek)) {
      const v = await this.vacancies.get(actor, values.werkplek).catch(() => null);
      if (v) choices.unshift({ value: v.id, text: `${v.title} bij ${v.employer.name}` });
    }
    const errors = new FormErrors();
    if (asked) {
      if (!choices.some((o) => o.value === values.werkplek))
        errors.add('werkplek', 'Kies een werkplek');
      if (!PURPOSES.includes(values.doel))
        errors.add('doel', 'Kies waarom u de instrumenten bekijkt');
    }
    const model = {
      title: 'Instrumenten bij een werkplek',
      candidate: { id, pseudonym: `Kandidaat ${c.pseudonym}` },
      values,
      errors,
      workplaceOptions: choices,
      purposeOptions: purposeOptions(),
      result: null as InstrumentsResult | null,
    };
    if (!asked || errors.any) return this.pages.send(req, res, 'werkmakelaar/instrumenten', model);

    const answer = await this.instruments.forCandidate(
      actor,
      id,
      { vacancyId: values.werkplek },
      values.doel,
    );
    // A werkmakelaar always gets the werkmakelaar's answer (with the facts); the candidate's has none.
    if (!('facts' in answer)) throw new ProblemException(404, 'NOT_FOUND', 'Not found');
    const f = answer.facts;
    model.result = {
      workplace: choices.find((o) => o.value === values.werkplek)?.text ?? '',
      purpose: values.doel,
      date: answer.date,
      disclaimer: answer.disclaimer,
      facts: [
        { key: 'Uren per week', value: `${f.hoursPerWeek} uur` },
        { key: 'Vorm', value: f.arrangement ? labelOf('arrangement', f.arrangement) : null },
        { key: 'Gemeente waar de kandidaat woont', value: f.gemeente },
        { key: 'Leeftijd', value: f.age === null || f.age === undefined ? null : `${f.age} jaar` },
        {
          key: 'Uitkering',
          value: f.benefitType ? (BENEFIT_WORDS[f.benefitType] ?? f.benefitType) : null,
        },
        { key: 'In het doelgroepregister', value: yesNo(f.doelgroepregister) },
        {
          key: 'Loonwaarde',
          value:
            f.loonwaardePct === null || f.loonwaardePct === undefined
              ? null
              : `${f.loonwaardePct}%`,
        },
      ],
      items: answer.items
        // The minimum wage is the base of the calculation, not an instrument.
        .filter((i) => i.code !== 'wml')
        .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status])
        .map((i) => ({
          code: i.code,
          name: i.name,
          active: i.active,
          status: INSTRUMENT_STATUS_WORDS[i.status] ?? { text: i.status, tone: 'neutral' },
          applies: i.status !== 'does_not_apply',
          amounts: amountTexts(i.amounts),
          provisional: provisionalText(i.figures),
          // The provisional reason shows next to the amount, not again among the reasons.
          reasons: i.reasons.filter((r) => r.code !== 'FIGURES_PROVISIONAL').map((r) => r.text),
          missing: i.missing.map((m) => m.text),
          grantor: GRANTOR_WORDS[i.applyTo.grantor] ?? i.applyTo.grantor,
          how: i.applyTo.how,
          deadline: i.deadline,
          indicative: i.indicative,
          sources: i.sources,
        })),
    };
    this.pages.send(req, res, 'werkmakelaar/instrumenten', model);
  }
}
