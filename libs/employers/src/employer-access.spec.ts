import type { Actor } from '@werkbrug/auth';
import { employerVisibleSearchFilter, mayEditEmployer, regionNames } from './employer-access';

const ORG = '11111111-1111-4111-8111-111111111111';
const EMPLOYER = '22222222-2222-4222-8222-222222222222';
const actor = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({
  userId: '33333333-3333-4333-8333-333333333333',
  role,
  organisationId: ORG,
  employerId: null,
  candidateId: null,
  ...extra,
});

describe('regionNames', () => {
  it.each<[string | null, string[]]>([
    ['Woerden', ['woerden']],
    [' Stichtse Vecht ,Woerden', ['stichtse vecht', 'woerden']],
    ['Woerden, woerden', ['woerden']],
    ['', []],
    [null, []],
    ['Utrecht,,', ['utrecht']],
  ])('%j → %j', (region, names) => {
    expect(regionNames(region)).toEqual(names);
  });
});

describe('employerVisibleSearchFilter', () => {
  it.each<[string, Actor, string, string | null]>([
    ['admin sees all', actor('admin'), 'Woerden', null],
    [
      'a candidate: the reach of their own organisation, as their werkmakelaar',
      actor('kandidaat'),
      'Woerden',
      `(employerOwnerOrganisationId = "${ORG}" OR employerRegions IN ["woerden"])`,
    ],
    [
      'an employer user sees its own',
      actor('werkgever', { employerId: EMPLOYER }),
      'Woerden',
      `employerId = "${EMPLOYER}"`,
    ],
    [
      'a werkmakelaar: own employers or an overlapping region',
      actor('werkmakelaar'),
      'Woerden, Stichtse Vecht',
      `(employerOwnerOrganisationId = "${ORG}" OR employerRegions IN ["stichtse vecht", "woerden"])`,
    ],
    [
      'a werkmakelaar of an organisation without a region: own employers only',
      actor('werkmakelaar'),
      ' ',
      `employerOwnerOrganisationId = "${ORG}"`,
    ],
    [
      'quotes in a region cannot break out of the filter',
      actor('werkmakelaar'),
      'Den "Haag"',
      `(employerOwnerOrganisationId = "${ORG}" OR employerRegions IN ["den \\"haag\\""])`,
    ],
  ])('%s', (_name, who, region, filter) => {
    expect(employerVisibleSearchFilter(who, region)).toBe(filter);
  });
});

describe('mayEditEmployer', () => {
  const employer = { id: EMPLOYER, ownerOrganisationId: ORG };
  it.each<[string, Actor, boolean]>([
    ['admin', actor('admin'), true],
    ['the employer’s own user', actor('werkgever', { employerId: EMPLOYER }), true],
    ['another employer’s user', actor('werkgever', { employerId: ORG }), false],
    ['a werkmakelaar of the owner', actor('werkmakelaar'), true],
    [
      'a werkmakelaar of another organisation',
      actor('werkmakelaar', { organisationId: EMPLOYER }),
      false,
    ],
    ['a candidate', actor('kandidaat'), false],
  ])('%s → %s', (_name, who, may) => {
    expect(mayEditEmployer(who, employer)).toBe(may);
  });
});
