import {
  hadSecret,
  keptFields,
  keptFormView,
  pendingAction,
  readPendingForm,
  refererPath,
  typedTexts,
} from './pending-form';

describe('a form kept after the session ended', () => {
  it.each([
    ['a note', { _csrf: 't', note: 'Gebeld', kind: 'telefoon' }, ['note', 'kind']],
    ['checkboxes, one field per value', { days: ['ma', 'di'] }, ['days', 'days']],
    ['never passwords', { current: 'a', password: 'b', repeat: 'b', email: 'x' }, ['email']],
    ['never a new password by another name', { nieuwWachtwoord: 'x', newPassword: 'y' }, []],
    ['a confirmation is asked again', { bevestigd: 'ja', status: 'ingetrokken' }, ['status']],
  ])('keeps the fields: %s', (_case, body, names) => {
    expect(keptFields(body).map((f) => f.name)).toEqual(names);
  });

  it.each([
    [{ password: 'x' }, true],
    [{ _csrf: 'x', note: 'y' }, false],
  ])('knows when a password was left out: %j', (body, expected) => {
    expect(hadSecret(body)).toBe(expected);
  });

  it.each([
    ['/werkmakelaar/kandidaten/1/contact', '/werkmakelaar/kandidaten/1/contact'],
    ['/werkgever/werkplekken/nieuw?x=1', '/werkgever/werkplekken/nieuw?x=1'],
    ['//evil.example/x', null],
    ['https://evil.example/x', null],
    ['/api/vacancies', null],
    ['/sessie/verlengen', null],
    ['/x\\y', null],
  ])('sends it again only to a local page: %s', (url, expected) => {
    expect(pendingAction(url)).toBe(expected);
  });

  it.each([
    [
      'http://werkbrug.test/werkmakelaar/kandidaten/1',
      'werkbrug.test',
      '/werkmakelaar/kandidaten/1',
    ],
    ['http://evil.example/werkmakelaar', 'werkbrug.test', null],
    ['niet een adres', 'werkbrug.test', null],
    [undefined, 'werkbrug.test', null],
  ])('remembers the page it came from, only our own: %s', (referer, host, expected) => {
    expect(refererPath(referer, host)).toBe(expected);
  });

  it('shows the texts with words, not codes, dates or ids', () => {
    const texts = typedTexts([
      { name: 'note', value: 'Gebeld over de plaatsing' },
      { name: 'kind', value: 'telefoon' },
      { name: 'contactOn', value: '2026-12-01' },
      { name: 'version', value: '3' },
      { name: 'title', value: 'Medewerker kwekerij' },
    ]);
    expect(texts).toEqual(['Gebeld over de plaatsing', 'Medewerker kwekerij']);
  });

  it('reads back only what it stored, and only with a local action', () => {
    const stored = {
      userId: 'u1',
      fields: [{ name: 'note', value: 'x' }, { name: 3 }, 'rubbish'],
      from: '//evil.example',
      passwordLeftOut: true,
    };
    expect(readPendingForm('/werkmakelaar/x', stored)).toEqual({
      action: '/werkmakelaar/x',
      fields: [{ name: 'note', value: 'x' }],
      from: null,
      passwordLeftOut: true,
      userId: 'u1',
    });
    expect(readPendingForm('https://evil.example', stored)).toBeNull();
    expect(readPendingForm(null, stored)).toBeNull();
  });

  it.each([
    ['kandidaat', 'uitgelogd', 'Je was uitgelogd – je tekst is bewaard'],
    ['werkmakelaar', 'uitgelogd', 'U was uitgelogd – uw tekst is bewaard'],
    ['werkgever', 'verlopen', 'Het formulier was verlopen – uw tekst is bewaard'],
    ['kandidaat', 'verlopen', 'Het formulier was verlopen – je tekst is bewaard'],
  ] as const)('speaks to the %s (%s)', (role, because, title) => {
    const view = keptFormView(
      { action: '/a', fields: [], from: null, passwordLeftOut: false },
      because,
      role,
      '/start',
    );
    expect(view.title).toBe(title);
    expect(view.cancelHref).toBe('/start');
  });
});
