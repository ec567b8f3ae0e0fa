import { ViewRenderer } from '@werkbrug/web';
import { EMPTY_WORKPLACE, workplaceOptions } from './workplace.form';

const renderer = new ViewRenderer();

const workplaceCase = {
  values: { ...EMPTY_WORKPLACE, title: 'Groen & zo', workingDays: ['ma'] },
  options: workplaceOptions(
    [{ code: 'groen', name: 'Groen' }],
    [{ id: 'l1', address: null, postcode: '3442 AC', place: 'Woerden', lat: null, lng: null }],
  ),
};

/** The workplace form's fields, as the employer and the werkmakelaar see them: reviewed HTML. */
const CASES: Record<string, Record<string, unknown>> = {
  employer: workplaceCase,
  'werkmakelaar, with an error': {
    ...workplaceCase,
    forBroker: true,
    errors: { fields: { arrangements: 'Kies minstens één vorm waarop iemand hier kan werken' } },
  },
};

describe('workplace-fields partial', () => {
  for (const [state, data] of Object.entries(CASES))
    it(state, () => {
      const html = renderer.renderPartial('workplace-fields', data);
      expect(html).not.toMatch(/<script|style="|\son[a-z]+=/i);
      expect(html).toMatchSnapshot();
    });
});
