import { employerChangedKeys } from './kinds';

const a = { postcode: '3441AB', address: 'Kerkstraat 1' };
const b = { postcode: '3442BC', address: 'Molenweg 2' };

describe('employerChangedKeys: locations as a set', () => {
  it.each([
    ['same order', [a, b], [a, b], []],
    ['other order (made in one transaction)', [a, b], [b, a], []],
    ['one moved', [a, b], [a, { ...b, address: 'Molenweg 3' }], ['locations']],
    ['one more in the file', [a, b], [a], ['locations']],
    ['one fewer in the file', [a], [a, b], ['locations']],
    ['the same one twice against two others', [a, a], [a, b], ['locations']],
  ])('%s', (_what, mine, theirs, expected) => {
    expect(
      employerChangedKeys(
        { name: 'Bakkerij', locations: mine },
        { name: 'Bakkerij', locations: theirs },
      ),
    ).toEqual(expected);
  });
});
