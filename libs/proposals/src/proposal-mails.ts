import type { EntityManager } from 'typeorm';
import type { CandidatesService } from '@werkbrug/candidates';
import type { MailMessage } from '@werkbrug/mail';
import { DECLINE_REASONS } from './proposal-status';
import type { ProposalContext } from './proposal.views';
import { queryRows } from '@werkbrug/database';

/**
 * Recipients are looked up at the moment the mail is queued; protected data goes only to the candidate.
 * The address is read for the purpose contactmail (audited per mail, in `em`'s transaction). The
 * system sends the mail and nobody else sees the address, so the audit line names no actor (as the
 * match alert mails).
 */
export async function candidateEmail(
  candidates: Pick<CandidatesService, 'protectedFactsFor'>,
  em: EntityManager,
  candidateId: string,
): Promise<string[]> {
  const facts = await candidates.protectedFactsFor([candidateId], 'contactmail', { em });
  const email = facts.get(candidateId)?.email;
  return email ? [email] : [];
}

export async function employerEmails(em: EntityManager, employerId: string): Promise<string[]> {
  const rows = await queryRows<{ email: string }>(
    em,
    `SELECT contact_email AS email FROM employers WHERE id = $1 AND contact_email IS NOT NULL
     UNION SELECT email FROM users WHERE employer_id = $1 AND active`,
    [employerId],
  );
  return rows.map((r) => r.email);
}

export const consentRequestMail = (
  ctx: ProposalContext,
  to: string[],
  link: string,
): MailMessage => ({
  template: 'consent_request',
  to,
  data: {
    candidateFirstName: ctx.candidate.firstName ?? 'daar',
    vacancyTitle: ctx.vacancy.title,
    employerName: ctx.vacancy.employerName,
    place: ctx.vacancy.place,
    werkmakelaarName: ctx.werkmakelaar.name,
    link,
  },
});

export const proposalReceivedMail = (
  ctx: ProposalContext,
  shared: string[],
  to: string[],
  link: string,
): MailMessage => ({
  template: 'proposal_received',
  to,
  data: {
    employerName: ctx.vacancy.employerName,
    vacancyTitle: ctx.vacancy.title,
    pseudonym: `Kandidaat ${ctx.candidate.pseudonym}`,
    ...(shared.includes('firstName') && ctx.candidate.firstName
      ? { sharedFirstName: ctx.candidate.firstName }
      : {}),
    ...(shared.includes('werkmakelaarContact')
      ? { werkmakelaarName: ctx.werkmakelaar.name, werkmakelaarEmail: ctx.werkmakelaar.email }
      : {}),
    link,
  },
});

const ANSWER_LABELS = {
  interested: 'Interesse',
  not_now: 'Nu niet',
  declined: 'Afgewezen',
} as const;

export const employerAnsweredMail = (
  ctx: ProposalContext,
  answer: keyof typeof ANSWER_LABELS,
  reason: string | undefined,
  note: string | undefined,
  link: string,
): MailMessage => ({
  template: 'employer_answered',
  to: [ctx.werkmakelaar.email],
  data: {
    werkmakelaarName: ctx.werkmakelaar.name,
    pseudonym: `Kandidaat ${ctx.candidate.pseudonym}`,
    vacancyTitle: ctx.vacancy.title,
    employerName: ctx.vacancy.employerName,
    answerLabel: ANSWER_LABELS[answer],
    ...(reason
      ? { reasonLabel: DECLINE_REASONS[reason as keyof typeof DECLINE_REASONS] ?? reason }
      : {}),
    ...(note ? { note } : {}),
    link,
  },
});
