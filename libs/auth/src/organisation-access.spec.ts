import {
  type AccountRole,
  organisationAccess,
  type OrganisationManager,
  roleChangeRefusal,
  rolesFor,
} from './organisation-access';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const manager = (
  role: OrganisationManager['role'],
  organisationAdmin = false,
  organisationId = A,
): OrganisationManager => ({ role, organisationId, organisationAdmin });

describe('organisationAccess', () => {
  it.each<[string, OrganisationManager, string, ReturnType<typeof organisationAccess>]>([
    ['an administrator, any organisation', manager('admin', false, B), A, 'all'],
    ['an organisation administrator, their own', manager('werkmakelaar', true), A, 'users'],
    ['an organisation administrator, another', manager('werkmakelaar', true), B, 'none'],
    ['a werkmakelaar without the flag', manager('werkmakelaar'), A, 'none'],
    ['an employer user, even with a stray flag', manager('werkgever', true), A, 'none'],
    ['a candidate', manager('kandidaat', true), A, 'none'],
  ])('%s', (_label, who, organisationId, access) => {
    expect(organisationAccess(who, organisationId)).toBe(access);
  });
});

describe('roleChangeRefusal', () => {
  const broker = { id: A, kind: 'werkbedrijf' as const };
  const beheer = { id: A, kind: 'beheer' as const };
  const wm = (organisationAdmin = false): AccountRole => ({
    role: 'werkmakelaar',
    organisationAdmin,
  });
  it.each<
    [
      string,
      OrganisationManager,
      typeof broker | typeof beheer,
      AccountRole | null,
      AccountRole,
      RegExp | null,
    ]
  >([
    ['admin invites a werkmakelaar', manager('admin'), broker, null, wm(), null],
    ['admin makes an organisation administrator', manager('admin'), broker, wm(), wm(true), null],
    ['org admin appoints a colleague', manager('werkmakelaar', true), broker, wm(), wm(true), null],
    ['org admin demotes a colleague', manager('werkmakelaar', true), broker, wm(true), wm(), null],
    [
      'org admin invites an administrator',
      manager('werkmakelaar', true),
      broker,
      null,
      { role: 'admin', organisationAdmin: false },
      /kind werkbedrijf|administrator/,
    ],
    [
      'org admin in another organisation',
      manager('werkmakelaar', true, B),
      broker,
      null,
      wm(),
      /may not manage/,
    ],
    ['plain werkmakelaar', manager('werkmakelaar'), broker, null, wm(), /may not manage/],
    [
      'an administrator into a broker organisation',
      manager('admin'),
      broker,
      null,
      { role: 'admin', organisationAdmin: false },
      /no admin accounts/,
    ],
    [
      'a werkmakelaar into the administrators’ organisation',
      manager('admin'),
      beheer,
      null,
      wm(),
      /no werkmakelaar accounts/,
    ],
    [
      'an administrator as organisation administrator',
      manager('admin'),
      beheer,
      null,
      { role: 'admin', organisationAdmin: true },
      /Only a werkmakelaar/,
    ],
    [
      'a role itself changes',
      manager('admin'),
      beheer,
      wm(),
      { role: 'admin', organisationAdmin: false },
      /keeps its role/,
    ],
  ])('%s', (_label, who, org, from, to, refusal) => {
    const answer = roleChangeRefusal(who, org, from, to);
    if (refusal) expect(answer).toMatch(refusal);
    else expect(answer).toBeNull();
  });

  it('knows the roles of each kind of organisation', () => {
    expect(rolesFor('beheer')).toEqual(['admin']);
    expect(rolesFor('werkgever')).toEqual(['werkgever']);
    expect(rolesFor('gemeente')).toEqual(['werkmakelaar']);
  });
});
