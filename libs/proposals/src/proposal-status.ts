import type { Role } from '@werkbrug/auth';

export const PROPOSAL_STATUSES = [
  'voorgesteld',
  'wacht_op_kandidaat',
  'wacht_op_werkgever',
  'kennismaking',
  'meeloopdag',
  'geplaatst',
  'ingetrokken',
  'afgewezen',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const CLOSED_STATUSES: readonly ProposalStatus[] = ['geplaatst', 'ingetrokken', 'afgewezen'];

/** The employer's answer to a shared proposal, and the meeting an interested employer asks for. */
export const EMPLOYER_ANSWERS = ['interested', 'not_now', 'declined'] as const;
export type EmployerAnswer = (typeof EMPLOYER_ANSWERS)[number];
export const MEETING_KINDS = ['kennismaking', 'meeloopdag'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/**
 * The legal next steps and who may take them. Consent (→ wacht_op_werkgever), the employer's answer
 * (→ kennismaking/meeloopdag/afgewezen) and a placement (→ geplaatst) have their own routes because they carry data.
 */
export const TRANSITIONS: Record<
  ProposalStatus,
  Partial<Record<ProposalStatus, readonly Role[]>>
> = {
  voorgesteld: { wacht_op_kandidaat: ['werkmakelaar'], ingetrokken: ['werkmakelaar'] },
  wacht_op_kandidaat: {
    wacht_op_werkgever: ['kandidaat'],
    afgewezen: ['kandidaat'],
    ingetrokken: ['werkmakelaar'],
  },
  wacht_op_werkgever: {
    kennismaking: ['werkgever'],
    meeloopdag: ['werkgever'],
    afgewezen: ['werkgever', 'kandidaat'],
    ingetrokken: ['werkmakelaar', 'kandidaat'],
  },
  kennismaking: {
    meeloopdag: ['werkgever', 'werkmakelaar'],
    geplaatst: ['werkmakelaar'],
    afgewezen: ['werkgever', 'kandidaat'],
    ingetrokken: ['werkmakelaar', 'kandidaat'],
  },
  meeloopdag: {
    geplaatst: ['werkmakelaar'],
    afgewezen: ['werkgever', 'kandidaat'],
    ingetrokken: ['werkmakelaar', 'kandidaat'],
  },
  geplaatst: {},
  ingetrokken: {},
  afgewezen: {},
};

export const allowedNext = (status: ProposalStatus, role?: Role): ProposalStatus[] =>
  (Object.entries(TRANSITIONS[status]) as [ProposalStatus, readonly Role[]][])
    .filter(([, roles]) => !role || roles.includes(role))
    .map(([next]) => next);

/** Why an employer declines: a fixed list, so reporting can count them. */
export const DECLINE_REASONS = {
  geen_passende_ervaring: 'Ervaring of vaardigheden passen niet',
  uren_passen_niet: 'De uren passen niet',
  te_ver: 'De reisafstand is te groot',
  geen_begeleiding_mogelijk: 'We kunnen de nodige begeleiding niet geven',
  plek_al_vervuld: 'De plek is al vervuld',
  andere_kandidaat: 'We kiezen voor een andere kandidaat',
  niet_nu: 'Nu niet, misschien later',
  overig: 'Een andere reden',
} as const;
export type DeclineReason = keyof typeof DECLINE_REASONS;

export const MEETING_LABELS = {
  kennismaking: 'kennismakingsgesprek',
  meeloopdag: 'meeloopdag',
} as const;

/**
 * What a candidate may agree to share with the employer, on top of the anonymous work profile.
 * financieelCv: which instruments apply at this workplace and what they are worth (never the facts).
 */
export const SHAREABLE = ['firstName', 'werkmakelaarContact', 'financieelCv'] as const;
export type Shareable = (typeof SHAREABLE)[number];
