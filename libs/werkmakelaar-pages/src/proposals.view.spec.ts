import type { ProposalView } from '@werkbrug/proposals';
import { pipelineFilter, pipelineView, stepButtons, withdrawQuestion } from './proposals.view';
import { placeInput, proposeWords } from './proposals.form';

describe('proposal views', () => {
  it.each([
    ['geplaatst', 'Plaatsen', true],
    ['ingetrokken', 'Intrekken', false],
    ['kennismaking', 'Naar kennismaking', false],
    ['wacht_op_werkgever', 'Naar wacht op werkgever', false],
  ])('a step to %s is the button "%s"', (next, text, placement) => {
    expect(stepButtons([next])).toEqual([{ next, text, placement }]);
  });

  it.each([
    ['', 'Schrijf waarom deze werkplek past'],
    ['x'.repeat(2001), 'Schrijf niet meer dan 2000 tekens'],
  ])('the motivation %#: says "%s"', (motivation, message) => {
    expect(proposeWords(motivation).motivation.message).toBe(message);
  });

  it.each([
    [
      { arrangement: 'stage', startDate: '2026-12-01', plannedEndDate: '', hoursPerWeek: '16' },
      { proposalId: 'p', arrangement: 'stage', startDate: '2026-12-01', hoursPerWeek: 16 },
    ],
    [
      { arrangement: '', startDate: '', plannedEndDate: '2027-01-01', hoursPerWeek: '' },
      {
        proposalId: 'p',
        arrangement: '',
        startDate: '',
        plannedEndDate: '2027-01-01',
        hoursPerWeek: 0,
      },
    ],
  ])('the placement form as the DTO input %#', (values, input) => {
    expect(placeInput('p', values)).toEqual(input);
  });

  it.each<[Record<string, unknown>, { zoek: string; status: string; cursor: string | undefined }]>([
    [{}, { zoek: '', status: '', cursor: undefined }],
    [
      { zoek: '  de Vries ', na: 'abc' },
      { zoek: 'de Vries', status: '', cursor: undefined },
    ],
    [
      { status: 'kennismaking', na: 'abc' },
      { zoek: '', status: 'kennismaking', cursor: 'abc' },
    ],
    [
      { status: 'afgerond', na: '<x>' },
      { zoek: '', status: 'afgerond', cursor: undefined },
    ],
    [{ status: 'geplaatst' }, { zoek: '', status: '', cursor: undefined }],
    [
      { status: ['kennismaking'], zoek: ['x'] },
      { zoek: '', status: '', cursor: undefined },
    ],
  ])('the pipeline filter %j', (raw, filter) => {
    expect(pipelineFilter(raw, ['kennismaking', 'meeloopdag'])).toEqual(filter);
  });

  const proposal = (id: string, candidateId: string) =>
    ({
      id,
      status: 'kennismaking',
      allowedNext: [],
      candidate: { id: candidateId, pseudonym: `K-${candidateId}` },
      vacancy: { id: 'v', title: 'Hovenier', employerName: 'Groen' },
    }) as unknown as ProposalView;

  it('the overview: names of the own caseload, a link to the column alone when there is more', () => {
    const view = pipelineView({
      filter: pipelineFilter({ zoek: 'groen' }, ['kennismaking']),
      columnStatuses: ['kennismaking'],
      columns: [
        {
          status: 'kennismaking',
          page: { items: [proposal('p1', 'c1'), proposal('p2', 'c2')], nextCursor: 'n' },
        },
      ],
      closed: { items: [], nextCursor: null },
      counts: null,
      names: new Map([['c1', 'Sanne de Vries']]),
    });
    const [column] = view.columns;
    expect({
      who: column?.items.map((i) => i.who),
      count: column?.count,
      moreHref: column?.moreHref,
      pager: column?.pager,
      summary: view.summary,
    }).toEqual({
      who: ['Sanne de Vries', 'Kandidaat K-c2'],
      count: null,
      moreHref: '/werkmakelaar/voorstellen?zoek=groen&status=kennismaking',
      pager: null,
      summary: '2 voorstellen gevonden met “groen”.',
    });
  });

  it('a column alone pages with the search kept', () => {
    const view = pipelineView({
      filter: pipelineFilter({ zoek: 'groen', status: 'kennismaking', na: 'c1' }, ['kennismaking']),
      columnStatuses: ['kennismaking'],
      columns: [{ status: 'kennismaking', page: { items: [], nextCursor: 'c2' } }],
      closed: null,
      counts: { kennismaking: 41 },
      names: new Map(),
    });
    expect([view.columns[0]?.count, view.columns[0]?.moreHref, view.closed.shown]).toEqual([
      41,
      null,
      false,
    ]);
    expect(view.columns[0]?.pager).toMatchObject({
      firstHref: '/werkmakelaar/voorstellen?zoek=groen&status=kennismaking#kolom-kennismaking',
      nextHref: '/werkmakelaar/voorstellen?zoek=groen&status=kennismaking&na=c2#kolom-kennismaking',
    });
  });

  it('asks before withdrawing, and the confirming form carries the status on', () => {
    const q = withdrawQuestion({
      id: 'p1',
      candidate: { id: 'c1', pseudonym: 'K-12' },
      vacancy: { id: 'v1', title: 'Hovenier', employerName: 'Groen BV' },
    } as ProposalView);
    expect(q.title).toBe('Wilt u het voorstel voor Kandidaat K-12 bij Hovenier intrekken?');
    expect(q.consequences.join(' ')).toContain('Wat de kandidaat met Groen BV deelde');
    expect(q).toMatchObject({
      action: '/werkmakelaar/voorstellen/p1/status',
      hidden: [{ name: 'status', value: 'ingetrokken' }],
      cancelHref: '/werkmakelaar/voorstellen/p1',
      warning: true,
    });
  });
});
