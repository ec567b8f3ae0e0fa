import { candidateLabel } from './caseload-names';

describe('candidateLabel', () => {
  const names = new Map([['c1', 'Sanne de Vries']]);
  it.each([
    [
      { id: 'c1', pseudonym: 'K-000001' },
      { who: 'Sanne de Vries', named: true },
    ],
    [
      { id: 'c2', pseudonym: 'K-000002' },
      { who: 'Kandidaat K-000002', named: false },
    ],
  ])('%j → %j', (candidate, label) => {
    expect(candidateLabel(names, candidate)).toEqual(label);
  });
});
