import type { Role } from '@werkbrug/auth';
import {
  allowedNext,
  CLOSED_STATUSES,
  PROPOSAL_STATUSES,
  TRANSITIONS,
  type ProposalStatus,
} from './proposal-status';

const ROLES: Role[] = ['admin', 'werkmakelaar', 'werkgever', 'kandidaat'];

/**
 * The transition table written out as the diagram in docs/api.md reads, one row per legal step and role.
 * Every other (from, to, role) triple must be illegal.
 */
const LEGAL: [ProposalStatus, ProposalStatus, Role][] = [
  ['voorgesteld', 'wacht_op_kandidaat', 'werkmakelaar'],
  ['voorgesteld', 'ingetrokken', 'werkmakelaar'],
  ['wacht_op_kandidaat', 'wacht_op_werkgever', 'kandidaat'],
  ['wacht_op_kandidaat', 'afgewezen', 'kandidaat'],
  ['wacht_op_kandidaat', 'ingetrokken', 'werkmakelaar'],
  ['wacht_op_werkgever', 'kennismaking', 'werkgever'],
  ['wacht_op_werkgever', 'meeloopdag', 'werkgever'],
  ['wacht_op_werkgever', 'afgewezen', 'werkgever'],
  ['wacht_op_werkgever', 'afgewezen', 'kandidaat'],
  ['wacht_op_werkgever', 'ingetrokken', 'werkmakelaar'],
  ['wacht_op_werkgever', 'ingetrokken', 'kandidaat'],
  ['kennismaking', 'meeloopdag', 'werkgever'],
  ['kennismaking', 'meeloopdag', 'werkmakelaar'],
  ['kennismaking', 'geplaatst', 'werkmakelaar'],
  ['kennismaking', 'afgewezen', 'werkgever'],
  ['kennismaking', 'afgewezen', 'kandidaat'],
  ['kennismaking', 'ingetrokken', 'werkmakelaar'],
  ['kennismaking', 'ingetrokken', 'kandidaat'],
  ['meeloopdag', 'geplaatst', 'werkmakelaar'],
  ['meeloopdag', 'afgewezen', 'werkgever'],
  ['meeloopdag', 'afgewezen', 'kandidaat'],
  ['meeloopdag', 'ingetrokken', 'werkmakelaar'],
  ['meeloopdag', 'ingetrokken', 'kandidaat'],
];

const legal = new Set(LEGAL.map((t) => t.join(' ')));
const triples = PROPOSAL_STATUSES.flatMap((from) =>
  PROPOSAL_STATUSES.flatMap((to) => ROLES.map((role) => [from, to, role] as const)),
);

describe('proposal transition table', () => {
  it.each(triples)('%s → %s by %s', (from, to, role) => {
    const allowed = (TRANSITIONS[from][to] ?? []).includes(role);
    expect(allowed).toBe(legal.has(`${from} ${to} ${role}`));
    expect(allowedNext(from, role).includes(to)).toBe(allowed);
  });

  it.each(PROPOSAL_STATUSES)(
    '%s: closed statuses lead nowhere, open ones can always be ended',
    (s) => {
      const next = allowedNext(s);
      if (CLOSED_STATUSES.includes(s)) expect(next).toEqual([]);
      else expect(next).toEqual(expect.arrayContaining(['ingetrokken']));
    },
  );

  it('never lets an administrator or anyone step back to an earlier status', () => {
    const order = (s: ProposalStatus) => PROPOSAL_STATUSES.indexOf(s);
    for (const [from, to] of LEGAL) expect(order(to)).toBeGreaterThan(order(from));
    for (const s of PROPOSAL_STATUSES) expect(allowedNext(s, 'admin')).toEqual([]);
  });
});
