import type { EntityManager } from 'typeorm';
import { queryRows } from '@werkbrug/database';
import { dutchDate, labelOf } from '@werkbrug/domain';
import type { MailMessage } from '@werkbrug/mail';
import type { Placement } from './placement.entity';

/** What the confirmation mails say about a placement: names by pseudonym, nothing protected. */
export interface PlacementMailFacts {
  pseudonym: string;
  vacancyTitle: string;
  employerId: string;
  employerName: string;
  werkmakelaarName: string;
  werkmakelaarEmail: string;
}

export async function placementMailFacts(
  em: EntityManager,
  p: Placement,
): Promise<PlacementMailFacts> {
  const [row] = await queryRows<PlacementMailFacts>(
    em,
    `SELECT c.pseudonym AS "pseudonym", v.title AS "vacancyTitle", e.id AS "employerId",
            e.name AS "employerName", u.display_name AS "werkmakelaarName", u.email AS "werkmakelaarEmail"
       FROM candidates c, vacancies v JOIN employers e ON e.id = v.employer_id, users u
      WHERE c.id = $1 AND v.id = $2 AND u.id = $3`,
    [p.candidateId, p.vacancyId, p.werkmakelaarId],
  );
  if (!row) throw new Error(`placement ${p.id}: candidate, workplace or werkmakelaar not found`);
  return row;
}

/**
 * To the employer: confirm the placement, or ask for a change. Pseudonym, workplace, arrangement,
 * dates and hours only; `previousRequest` is the employer's own question when asked again.
 */
export const toConfirmMail = (
  p: Placement,
  f: PlacementMailFacts,
  to: string[],
  link: string,
  previousRequest: string | null,
): MailMessage => ({
  template: 'placement_to_confirm',
  to,
  data: {
    employerName: f.employerName,
    vacancyTitle: f.vacancyTitle,
    pseudonym: `Kandidaat ${f.pseudonym}`,
    arrangementLabel: labelOf('arrangementInText', p.arrangement),
    startDate: dutchDate(p.startDate),
    ...(p.plannedEndDate ? { plannedEnd: dutchDate(p.plannedEndDate) } : {}),
    hoursPerWeek: String(p.hoursPerWeek),
    ...(previousRequest ? { previousRequest } : {}),
    link,
  },
});

/** To the werkmakelaar: the employer confirmed in Werkbrug. */
export const confirmedMail = (p: Placement, f: PlacementMailFacts, link: string): MailMessage => ({
  template: 'placement_confirmed',
  to: [f.werkmakelaarEmail],
  data: {
    werkmakelaarName: f.werkmakelaarName,
    pseudonym: `Kandidaat ${f.pseudonym}`,
    vacancyTitle: f.vacancyTitle,
    employerName: f.employerName,
    arrangementLabel: labelOf('arrangementInText', p.arrangement),
    startDate: dutchDate(p.startDate),
    link,
  },
});

/** To the werkmakelaar: the employer asks for a change first (their words). */
export const changeRequestedMail = (
  f: PlacementMailFacts,
  note: string,
  link: string,
): MailMessage => ({
  template: 'placement_change_requested',
  to: [f.werkmakelaarEmail],
  data: {
    werkmakelaarName: f.werkmakelaarName,
    pseudonym: `Kandidaat ${f.pseudonym}`,
    vacancyTitle: f.vacancyTitle,
    employerName: f.employerName,
    note,
    link,
  },
});
