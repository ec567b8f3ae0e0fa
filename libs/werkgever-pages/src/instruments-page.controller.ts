import { Get, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ARRANGEMENTS, BENEFIT_TYPES } from '@werkbrug/domain';
import { ProblemException } from '@werkbrug/http';
import { VacanciesService, type VacancyView } from '@werkbrug/vacancies';
import {
  actorOf,
  FormErrors,
  PageResponder,
  WebAccess,
  WebController,
  type WebRequest,
} from '@werkbrug/web';
import { labelOf } from '@werkbrug/domain';
import {
  amountTexts,
  BENEFIT_WORDS as BENEFITS,
  GRANTOR_WORDS as GRANTORS,
  INSTRUMENT_STATUS_WORDS as STATUS,
  InstrumentsService,
} from '@werkbrug/instruments';
import { listAll } from '@werkbrug/http';

const YES_NO_UNKNOWN = [
  { value: 'ja', text: 'Ja' },
  { value: 'nee', text: 'Nee' },
  { value: '', text: 'Weet ik niet' },
];

/** The scenario form's fields; query parameters, so the form is a GET that works without JavaScript. */
interface ScenarioQuery {
  werkplek?: string;
  uren?: string;
  vorm?: string;
  maanden?: string;
  doelgroep?: string;
  uitkering?: string;
  ouder?: string;
  loonwaarde?: string;
  bereken?: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

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

  @Get()
  @WebAccess('werkgever')
  async page(@Req() req: WebRequest, @Res() res: Response, @Query() raw: ScenarioQuery) {
    const actor = actorOf(req);
    const q = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, str(v)])) as Record<
      keyof ScenarioQuery,
      string
    >;
    const [catalogue, workplaces] = await Promise.all([
      this.instruments.catalogue(actor, {}),
      listAll<VacancyView>((p) => this.vacancies.list(actor, { ...p, sort: '-createdAt' })),
    ]);
    const workplace = workplaces.find((v) => v.id === q.werkplek) ?? null;
    // A chosen workplace fills in its hours and arrangement, unless the form says otherwise.
    const values = {
      werkplek: workplace?.id ?? '',
      uren: q.uren || (workplace ? String(workplace.hoursMax) : ''),
      vorm: q.vorm || (workplace?.arrangements[0] ?? ''),
      maanden: q.maanden ?? '',
      doelgroep: q.doelgroep ?? '',
      uitkering: q.uitkering ?? '',
      ouder: q.ouder ?? '',
      loonwaarde: q.loonwaarde ?? '',
    };
    const errors = new FormErrors();
    let result = null;
    if (q.bereken) {
      const hours = Number(values.uren.replace(',', '.'));
      if (!values.uren || !Number.isFinite(hours) || hours < 1 || hours > 40)
        errors.add('uren', 'Vul het aantal uren per week in, van 1 tot en met 40');
      if (values.vorm && !(ARRANGEMENTS as readonly string[]).includes(values.vorm))
        errors.add('vorm', 'Kies een vorm uit de lijst');
      const months = Number(values.maanden);
      if (values.maanden && (!/^\d{1,3}$/.test(values.maanden) || months < 1 || months > 120))
        errors.add(
          'maanden',
          'Vul de lengte van het contract in hele maanden in, van 1 tot en met 120',
        );
      if (values.uitkering && !(BENEFIT_TYPES as readonly string[]).includes(values.uitkering))
        errors.add('uitkering', 'Kies een uitkering uit de lijst');
      const loonwaarde = Number(values.loonwaarde);
      if (values.loonwaarde && (!/^\d{1,3}$/.test(values.loonwaarde) || loonwaarde > 100))
        errors.add('loonwaarde', 'Vul een percentage in van 0 tot en met 100');
      if (!errors.any) {
        try {
          const answer = await this.instruments.calculate(actor, {
            hoursPerWeek: Math.round(hours * 100) / 100,
            ...(values.vorm ? { arrangement: values.vorm as (typeof ARRANGEMENTS)[number] } : {}),
            ...(values.maanden ? { contractMonths: months } : {}),
            ...(values.doelgroep ? { doelgroepregister: values.doelgroep === 'ja' } : {}),
            ...(values.uitkering
              ? { benefitType: values.uitkering as (typeof BENEFIT_TYPES)[number] }
              : {}),
            // Only "56 or older" matters here (LKV oudere werknemer): a typical age on each side.
            ...(values.ouder ? { age: values.ouder === 'ja' ? 58 : 35 } : {}),
            ...(values.loonwaarde ? { loonwaardePct: loonwaarde } : {}),
          });
          result = {
            disclaimer: answer.disclaimer,
            items: answer.items
              .filter((i) => i.code !== 'wml')
              .map((i) => ({
                name: i.name,
                status: STATUS[i.status] ?? { text: i.status, tone: 'neutral' },
                amounts: amountTexts(i.amounts),
                reasons: [...i.reasons, ...i.missing].map((r) => r.text),
                applyTo: GRANTORS[i.applyTo.grantor] ?? i.applyTo.grantor,
                how: i.applyTo.how,
                sources: i.sources,
                applies: i.status !== 'does_not_apply',
              }))
              .sort((a, b) => Number(b.applies) - Number(a.applies)),
          };
        } catch (error) {
          if (!(error instanceof ProblemException) || error.getStatus() >= 500) throw error;
          errors.add(
            'uren',
            'Voor deze situatie kunnen we nu niets berekenen. Probeer andere antwoorden',
          );
        }
      }
    }
    this.pages.send(
      req,
      res,
      'werkgever/instrumenten',
      {
        title: 'Instrumenten',
        catalogue: catalogue.items.map((i) => ({
          ...i,
          grantorText: GRANTORS[i.grantor] ?? i.grantor,
          sources: [...new Set(i.rules.flatMap((r) => r.sourceUrls))],
          validFrom: i.rules[0]?.validFrom ?? null,
        })),
        date: catalogue.date,
        disclaimer: catalogue.disclaimer,
        values,
        errors,
        result,
        options: {
          werkplek: [
            { value: '', text: 'Geen werkplek gekozen' },
            ...workplaces.map((v) => ({ value: v.id, text: v.title })),
          ],
          vorm: [
            { value: '', text: 'Weet ik nog niet' },
            ...ARRANGEMENTS.map((a) => ({ value: a, text: labelOf('arrangement', a) })),
          ],
          doelgroep: YES_NO_UNKNOWN,
          ouder: YES_NO_UNKNOWN,
          uitkering: [
            { value: '', text: 'Weet ik niet' },
            ...Object.entries(BENEFITS).map(([value, text]) => ({ value, text })),
          ],
        },
      },
      errors.any ? 400 : 200,
    );
  }
}
