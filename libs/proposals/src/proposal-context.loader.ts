import type { EntityManager } from 'typeorm';
import type { CandidatesService } from '@werkbrug/candidates';
import { languageRank, type LanguageLevel, LANGUAGE_LEVELS } from '@werkbrug/domain';
import { Consent } from './consent.entity';
import { Proposal } from './proposal.entity';
import type { ProposalContext } from './proposal.views';
import { queryRows } from '@werkbrug/database';

/**
 * Loads a proposal with what its views need, in one round trip plus the latest consent and the
 * candidates' first names. The first name comes from CandidatesService for the purpose weergave (not
 * audited, as the join it replaces): the employer sees it only when consent shares it, and that
 * read is audited as proposal.shared_read.
 */
export async function loadProposalContexts(
  em: EntityManager,
  proposals: Proposal[],
  candidates: Pick<CandidatesService, 'protectedFactsFor'>,
): Promise<ProposalContext[]> {
  if (!proposals.length) return [];
  const ids = proposals.map((p) => p.id);
  const rows = await queryRows<Record<string, unknown>>(
    em,
    `SELECT p.id, v.id AS vacancy_id, v.title, v.employer_id, e.name AS employer_name, v.place AS vacancy_place, v.arrangements,
            c.id AS candidate_id, c.pseudonym, c.place, c.werksoort_wishes, c.hours_min, c.hours_max, c.certificates,
            c.language_level, c.ability_lifting, c.ability_standing, c.ability_pace, c.ability_stimuli, c.ability_outdoor,
            u.display_name AS wm_name, u.email AS wm_email
       FROM proposals p
       JOIN vacancies v ON v.id = p.vacancy_id
       JOIN employers e ON e.id = v.employer_id
       JOIN candidates c ON c.id = p.candidate_id
       JOIN users u ON u.id = p.werkmakelaar_id
      WHERE p.id = ANY($1)`,
    [ids],
  );
  const consents = await em
    .getRepository(Consent)
    .createQueryBuilder('c')
    .where('c.proposalId IN (:...ids)', { ids })
    .orderBy('c.givenAt', 'DESC')
    .getMany();
  const names = await candidates.protectedFactsFor(
    rows.map((r) => r.candidate_id as string),
    'weergave',
    { em },
  );
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  return proposals.map((proposal) => {
    const r = byId.get(proposal.id) as Record<string, unknown>;
    return {
      proposal,
      consent: consents.find((c) => c.proposalId === proposal.id) ?? null,
      vacancy: {
        id: r.vacancy_id as string,
        title: r.title as string,
        employerId: r.employer_id as string,
        employerName: r.employer_name as string,
        place: r.vacancy_place as string,
        arrangements: r.arrangements as string[],
      },
      candidate: {
        id: r.candidate_id as string,
        pseudonym: r.pseudonym as string,
        place: r.place as string,
        werksoortWishes: r.werksoort_wishes as string[],
        hoursMin: Number(r.hours_min),
        hoursMax: Number(r.hours_max),
        certificates: r.certificates as string[],
        languageLevel: LANGUAGE_LEVELS[languageRank(r.language_level as LanguageLevel)],
        abilities: [
          r.ability_lifting,
          r.ability_standing,
          r.ability_pace,
          r.ability_stimuli,
          r.ability_outdoor,
        ].map(Number),
        firstName: names.get(r.candidate_id as string)?.firstName ?? null,
        lastName: names.get(r.candidate_id as string)?.lastName ?? null,
      },
      werkmakelaar: { name: r.wm_name as string, email: r.wm_email as string },
    };
  });
}
