import { VIEW_HELPERS } from './view-helpers';

/** Handlebars passes its options object as the last argument of a helper. */
const call = (name: string, ...values: unknown[]) =>
  (VIEW_HELPERS[name] as (...a: unknown[]) => unknown)(...values, { hash: {} });

describe('view helpers', () => {
  it.each([
    [['2026-12-07', 'today'], '2026-12-07'],
    [['', '2026-12-07'], '2026-12-07'],
    [[undefined, 16], 16],
    [[undefined, ''], ''],
    [[false, null], null],
  ])('or %j gives the first truthy value, else the last: %j', (values, expected) => {
    expect(call('or', ...values)).toBe(expected);
  });
});
