import { decideAccount, domainOf, emailFromClaims, mfaReported, parseDomains } from './oidc-rules';

describe('mfaReported', () => {
  it.each([
    [{ amr: ['pwd'] }, [], false],
    [{ amr: ['pwd', 'mfa'] }, [], true],
    [{ amr: ['otp'] }, [], true],
    [{ amr: ['hwk'] }, [], true],
    [{ amr: 'mfa' }, [], false],
    [{ acr: 'urn:gemeente:loa3' }, ['urn:gemeente:loa3'], true],
    [{ acr: 'urn:gemeente:loa2' }, ['urn:gemeente:loa3'], false],
    [{ acr: 'mfa' }, [], false],
    [{}, ['x'], false],
  ])('%j with %j → %s', (claims, acr, expected) => {
    expect(mfaReported(claims, acr)).toBe(expected);
  });
});

describe('emailFromClaims', () => {
  it.each([
    [{ email: 'A.Jansen@Gemeente.NL' }, 'email', 'a.jansen@gemeente.nl'],
    [{ email: 'a@gemeente.nl', email_verified: false }, 'email', null],
    [{ email: 'a@gemeente.nl', email_verified: true }, 'email', 'a@gemeente.nl'],
    [{ upn: 'a@gemeente.nl' }, 'upn', 'a@gemeente.nl'],
    [{ upn: 'a@gemeente.nl' }, 'email', null],
    [{ email: 'geen adres' }, 'email', null],
    [{ email: 42 }, 'email', null],
  ])('%j claim %s → %s', (claims, claim, expected) => {
    expect(emailFromClaims(claims, claim)).toBe(expected);
  });
});

it.each([
  ['gemeente.nl, @WSW.nl;gemeente.nl', ['gemeente.nl', 'wsw.nl']],
  ['  ', []],
])('parseDomains(%j)', (text, expected) => expect(parseDomains(text)).toEqual(expected));

it('domainOf', () => {
  expect(domainOf('x@Sub.Gemeente.nl')).toBe('sub.gemeente.nl');
  expect(domainOf('geen')).toBeNull();
});

describe('decideAccount', () => {
  const org = 'org-a';
  const base = {
    email: 'a@gemeente.nl',
    organisationId: org,
    domains: ['gemeente.nl'],
    createAccounts: false,
  };
  const account = {
    id: 'u1',
    organisationId: org,
    role: 'werkmakelaar',
    active: true,
    invitationOpen: false,
  };
  it.each([
    ['active account', base, account, { kind: 'sign-in', userId: 'u1', acceptInvitation: false }],
    [
      'invited account',
      base,
      { ...account, active: false, invitationOpen: true },
      { kind: 'sign-in', userId: 'u1', acceptInvitation: true },
    ],
    [
      'deactivated account',
      base,
      { ...account, active: false },
      { kind: 'refuse', reason: 'deactivated_user' },
    ],
    ['unknown, no creation', base, null, { kind: 'refuse', reason: 'unknown_user' }],
    ['unknown, creation on', { ...base, createAccounts: true }, null, { kind: 'create' }],
    [
      'other organisation',
      base,
      { ...account, organisationId: 'org-b' },
      { kind: 'refuse', reason: 'other_organisation' },
    ],
    [
      'domain not listed',
      { ...base, email: 'a@andere.nl' },
      account,
      { kind: 'refuse', reason: 'domain_not_allowed' },
    ],
    [
      'domain not listed, creation on',
      { ...base, email: 'a@andere.nl', createAccounts: true },
      null,
      { kind: 'refuse', reason: 'domain_not_allowed' },
    ],
  ] as const)('%s', (_name, input, found, expected) => {
    expect(decideAccount({ ...input, account: found })).toEqual(expected);
  });
});
