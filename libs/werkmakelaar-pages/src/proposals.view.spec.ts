import type { ProposalView } from '@werkbrug/proposals';
import { stepButtons, withdrawQuestion } from './proposals.view';
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
