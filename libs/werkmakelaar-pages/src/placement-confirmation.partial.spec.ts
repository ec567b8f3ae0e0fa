import { ViewRenderer } from '@werkbrug/web';

const renderer = new ViewRenderer();

const placement = { id: 'p1', version: 3, startDate: '2026-12-07', hoursPerWeek: 16 };
const waiting = {
  status: 'wijziging_gevraagd',
  text: 'Werkgever vraagt een wijziging',
  tone: 'attention',
  sentence: 'De werkgever vraagt eerst een wijziging.',
  note: null,
  changeRequest: { text: 'Liever 20 uur <graag>', on: '7 december 2026' },
  open: true,
};

/** The employer's confirmation as the werkmakelaar sees it, in each state: reviewed HTML. */
const CASES: Record<string, Record<string, unknown>> = {
  'change asked, placement page, with an error': {
    placement,
    confirmation: waiting,
    today: '2026-12-07',
    values: { hoursPerWeek: '99' },
    errors: { fields: { hoursPerWeek: 'Vul 1 tot 40 uur per week in' } },
  },
  'waiting, proposal page': {
    placement,
    confirmation: { ...waiting, status: 'te_bevestigen', changeRequest: null },
    fromProposal: true,
    today: '2026-12-07',
    values: {},
    errors: null,
  },
  'confirmed by phone': {
    placement,
    confirmation: {
      status: 'bevestigd',
      text: 'Bevestigd door de werkgever',
      tone: 'open',
      sentence: 'De werkgever gaf telefonisch akkoord op 3 december 2026.',
      note: 'Gebeld met Gert',
      changeRequest: null,
      open: false,
    },
    values: {},
    errors: null,
  },
};

describe('placement-confirmation partial', () => {
  for (const [state, data] of Object.entries(CASES))
    it(state, () => {
      const html = renderer.renderPartial('placement-confirmation', { csrfToken: 'tok', ...data });
      expect(html).not.toMatch(/<script|style="|\son[a-z]+=/i);
      expect(html).toMatchSnapshot();
    });
});
