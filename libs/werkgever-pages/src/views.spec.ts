import type { EmployerPlacementView } from '@werkbrug/placements';
import type { EmployerProposalView } from '@werkbrug/proposals';
import type { VacancyView } from '@werkbrug/vacancies';
import { FormErrors, hiddenOf, keysetPager } from '@werkbrug/web';
import { toPlaatsingView, toPlacementRow } from './placements.view';
import { answerNotice, markNotice, toVoorstellenView, toVoorstelView } from './proposals.view';
import { toStartView } from './start.view';
import { toWerkplekControleView, toWerkplekFormulierView, workplaceNotice } from './workplace.view';
import { EMPTY_WORKPLACE } from './workplace.form';
import { checkScenario, readScenario } from './instruments.form';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
/** A fixture with only the fields a view reads (the rest of the service's view is not looked at). */
const fixture = <T>(fields: DeepPartial<T>) => fields as T;

const pager = keysetPager({
  path: '/werkgever/voorstellen',
  anchor: 'afgerond',
  label: 'Afgeronde voorstellen',
  nextText: 'Oudere',
  cursor: undefined,
  nextCursor: null,
});

const proposal = (id: string, status: EmployerProposalView['status']) =>
  fixture<EmployerProposalView>({
    id,
    status,
    candidate: { pseudonym: 'Kandidaat K1', werksoortWishes: ['groen', 'onbekend'] },
    vacancy: { title: 'Hovenier' },
    shared: { firstName: null, werkmakelaar: null, financieelCv: null },
  });

describe('employer views', () => {
  it.each([
    { id: undefined, title: 'Nieuwe werkplek aanbieden', action: '/werkgever/werkplekken/nieuw' },
    { id: 'w1', title: 'Werkplek wijzigen', action: '/werkgever/werkplekken/w1/wijzigen' },
  ])('the form for $title', ({ id, title, action }) => {
    const view = toWerkplekFormulierView({ values: EMPTY_WORKPLACE, id }, [], []);
    expect(view).toMatchObject({ title, action });
  });

  it.each([
    { target: {}, submit: '/werkgever/werkplekken/nieuw/publiceren', isNew: true, hidden: 0 },
    {
      target: { id: 'w1', version: 4 },
      submit: '/werkgever/werkplekken/w1/opslaan',
      isNew: false,
      hidden: 1,
    },
  ])('the check page posts to $submit', ({ target, submit, isNew, hidden }) => {
    const values = { ...EMPTY_WORKPLACE, workingDays: ['ma', 'di'] };
    const view = toWerkplekControleView(values, target, [], []);
    expect(view.submitAction).toBe(submit);
    expect(view.isNew).toBe(isNew);
    expect(view.hidden.length).toBe(hiddenOf(values).length + hidden);
    expect(hiddenOf(values).filter((h) => h.name === 'workingDays')).toEqual([
      { name: 'workingDays', value: 'ma' },
      { name: 'workingDays', value: 'di' },
    ]);
  });

  it('sorts proposals into waiting and running, with the employer’s marks', () => {
    const view = toVoorstellenView(
      [
        proposal('a', 'wacht_op_werkgever'),
        proposal('b', 'meeloopdag'),
        proposal('c', 'geplaatst'),
      ],
      [proposal('d', 'afgewezen')],
      new Map([['b', 'relevant' as const]]),
      pager,
      ['kennismaking', 'meeloopdag'],
    );
    expect(view.waiting.map((p) => [p.id, p.markText])).toEqual([['a', 'Nog beoordelen']]);
    expect(view.running.map((p) => [p.id, p.markText])).toEqual([['b', 'Interessant']]);
    expect(view.closed.map((p) => p.id)).toEqual(['d']);
  });

  it.each<{ status: EmployerProposalView['status']; canAnswer: boolean }>([
    { status: 'wacht_op_werkgever', canAnswer: true },
    { status: 'kennismaking', canAnswer: false },
  ])('one proposal ($status): answerable $canAnswer, wishes by name', ({ status, canAnswer }) => {
    const errors = new FormErrors().add('answer', 'Kies uw antwoord');
    const view = toVoorstelView(
      proposal('a', status),
      [{ from: null, to: 'voorgesteld', byRole: 'werkgever', reason: null, note: null, at: 'x' }],
      undefined,
      [{ code: 'groen', name: 'Groen' }],
      { errors },
    );
    expect(view).toMatchObject({
      title: 'Kandidaat K1 voor Hovenier',
      canAnswer,
      mark: 'te_beoordelen',
      wishes: ['Groen', 'onbekend'],
      financieelCv: null,
      errors,
    });
    expect(view.history[0]?.by).toBe('u');
  });

  const ended = (outcome: 'contract' | 'voortijdig_overig') => ({
    outcome,
    endedOn: '2026-01-01',
    contractMonths: null,
    contractHours: null,
  });
  it.each([
    { outcome: null, text: '' },
    { outcome: ended('contract'), text: 'Contract' },
    { outcome: ended('voortijdig_overig'), text: 'Eerder gestopt' },
  ])('a placement ending in $text', ({ outcome, text }) => {
    const row = toPlacementRow(
      fixture<EmployerPlacementView>({ instruments: ['lkv', 'jobcoaching'], outcome }),
    );
    expect(row.outcomeText).toBe(text);
    expect(row.instrumentWords).toBe('Loonkostenvoordeel (LKV), Jobcoaching');
  });

  const confirmation = (
    fields: Partial<EmployerPlacementView['confirmation']>,
  ): EmployerPlacementView['confirmation'] => ({
    status: 'te_bevestigen',
    confirmedAt: null,
    via: null,
    phoneAgreedOn: null,
    changeRequest: null,
    changeRequestedAt: null,
    ...fields,
  });
  const toConfirm = (c: EmployerPlacementView['confirmation'], status = 'lopend') =>
    fixture<EmployerPlacementView>({
      status: status as EmployerPlacementView['status'],
      arrangement: 'proefplaatsing',
      startDate: '2026-12-07',
      plannedEndDate: null,
      hoursPerWeek: 16,
      candidate: { pseudonym: 'Kandidaat K-000001' },
      vacancy: { title: 'Hovenier' },
      jobcoach: { name: null },
      instruments: [],
      instrumentsShared: false,
      confirmation: c,
    });
  it.each([
    {
      c: confirmation({}),
      forms: true,
      tag: 'Te bevestigen',
      confirmed: null,
      asked: null,
    },
    {
      c: confirmation({
        status: 'wijziging_gevraagd',
        changeRequest: 'Liever 20 uur',
        changeRequestedAt: '2026-12-07T10:00:00.000Z',
      }),
      forms: true,
      tag: 'U vroeg een wijziging',
      confirmed: null,
      asked: { text: 'Liever 20 uur', on: '7 december 2026' },
    },
    {
      c: confirmation({
        status: 'bevestigd',
        via: 'werkgever',
        confirmedAt: '2026-12-08T09:00:00.000Z',
      }),
      forms: false,
      tag: 'Bevestigd',
      confirmed: 'De plaatsing is bevestigd in Werkbrug op 8 december 2026.',
      asked: null,
    },
    {
      c: confirmation({
        status: 'bevestigd',
        via: 'telefoon',
        confirmedAt: '2026-12-08T09:00:00.000Z',
        phoneAgreedOn: '2026-12-03',
      }),
      forms: false,
      tag: 'Bevestigd',
      confirmed:
        'U heeft op 3 december 2026 telefonisch met de werkmakelaar afgesproken dat de plaatsing doorgaat.',
      asked: null,
    },
    {
      c: confirmation({ status: 'bevestigd', confirmedAt: '2026-01-01T09:00:00.000Z' }),
      forms: false,
      tag: 'Bevestigd',
      confirmed: 'De plaatsing is bevestigd.',
      asked: null,
    },
  ])('the employer placement page: $tag', ({ c, forms, tag, confirmed, asked }) => {
    const view = toPlaatsingView(toConfirm(c));
    expect(view).toMatchObject({
      canConfirm: forms,
      tag: { text: tag },
      confirmedText: confirmed,
      changeRequest: asked,
    });
    expect(view.rows.map((r) => r.value)).toEqual([
      'Kandidaat K-000001',
      'Hovenier',
      expect.stringMatching(/^Proefplaatsing\. De kandidaat werkt een paar maanden/),
      '7 december 2026',
      'Geen einddatum afgesproken',
      '16 uur',
      'Geen jobcoach',
      'De kandidaat deelt de regelingen niet met u',
    ]);
  });

  it('no forms on an ended placement, and shared instruments by name', () => {
    const ended = toPlaatsingView({
      ...toConfirm(confirmation({}), 'beeindigd'),
      instruments: ['jobcoaching'],
      instrumentsShared: true,
    });
    expect(ended.canConfirm).toBe(false);
    expect(ended.rows.at(-1)).toEqual({ key: 'Regelingen', value: 'Jobcoaching' });
  });

  it('counts the workplaces on the start page by status', () => {
    const v = (status: VacancyView['status']) => fixture<VacancyView>({ status });
    const view = toStartView([], [], { proposals: { wacht_op_werkgever: 3 }, placements: {} }, [
      v('open'),
      v('open'),
      v('paused'),
    ]);
    expect(view).toMatchObject({
      waitingCount: 3,
      runningCount: 0,
      openCount: 2,
      pausedCount: 1,
      filledCount: 0,
      hasWorkplaces: true,
    });
  });
});

describe('the instruments scenario', () => {
  it.each([
    { uren: '12,5', fields: null, hours: 12.5 },
    { uren: '', fields: { uren: 'Vul het aantal uren per week in, van 1 tot en met 40' } },
    { uren: '41', fields: { uren: 'Vul het aantal uren per week in, van 1 tot en met 40' } },
  ])('hours "$uren"', ({ uren, fields, hours }) => {
    const values = readScenario({ uren, bereken: '1' }, []);
    const { errors, input } = checkScenario(values);
    expect(errors.toView()?.fields ?? null).toEqual(fields);
    if (hours) expect(input).toMatchObject({ hoursPerWeek: hours });
  });

  it('fills in hours and arrangement from a chosen workplace', () => {
    const values = readScenario({ werkplek: ' w1 ' }, [
      { id: 'w1', hoursMax: 24, arrangements: ['stage'] },
    ]);
    expect(values).toMatchObject({ werkplek: 'w1', uren: '24', vorm: 'stage' });
  });
});

describe('the banner after an employer action', () => {
  it.each([
    [
      answerNotice({ answer: 'interested', meetingKind: 'kennismaking' }, 'Kandidaat K-12'),
      'Uw antwoord is verstuurd: u wilt Kandidaat K-12 leren kennen met een kennismakingsgesprek. De kandidaat kiest een van uw momenten. U krijgt een mail met de afspraak voor uw agenda.',
    ],
    [
      answerNotice({ answer: 'not_now' }, 'Kandidaat K-12'),
      'Uw antwoord is verstuurd: nu niet voor Kandidaat K-12. De werkmakelaar krijgt bericht.',
    ],
    [
      answerNotice({ answer: 'declined' }, 'Kandidaat K-12'),
      'Uw antwoord is verstuurd: u kiest niet voor Kandidaat K-12. De werkmakelaar krijgt bericht.',
    ],
    [
      markNotice('niet_relevant'),
      'Uw beoordeling is opgeslagen: niet interessant. Alleen u en uw collega’s zien die.',
    ],
    [
      workplaceNotice('gesloten', 'Hovenier'),
      'De werkplek Hovenier is gesloten. Er komen geen nieuwe voorstellen.',
    ],
  ])('%s', (text, expected) => {
    expect(text).toBe(expected);
  });
});
