import type { EntityManager } from 'typeorm';
import { queryRows } from '@werkbrug/database';
import { regionNames } from '@werkbrug/employers';
import {
  hardConstraintCodes,
  loadCandidateDocuments,
  loadVacancyDocuments,
  scoreMatch,
  type CandidateDocument,
  type CandidateProfile,
  type VacancyDocument,
  type VacancyProfile,
} from '@werkbrug/matching';

/**
 * Whether the matching engine calls this pair a fit, with the engine's own rules: every hard
 * constraint met (libs/matching hard-constraints.ts) and the workplace's werksoort among the
 * candidate's wishes. Seeded proposals only pair candidates and workplaces like this.
 */
export function isDemoFit(c: CandidateProfile, v: VacancyProfile): boolean {
  return c.werksoortWishes.includes(v.werksoortCode) && meetsHardConstraints(c, v);
}

/**
 * Every hard constraint met by an active candidate. `ignoreOpen`: a placement on a workplace that is
 * full (or closed) now was made when it was open.
 */
export function meetsHardConstraints(
  c: CandidateProfile,
  v: VacancyProfile,
  ignoreOpen = false,
): boolean {
  return c.active && hardConstraintCodes(c, v).every((code) => ignoreOpen && code === 'NOT_OPEN');
}

/** The engine's score without a text match: orders fitting candidates, best first. */
export const demoScore = (c: CandidateProfile, v: VacancyProfile) =>
  scoreMatch(c, v, 0, false).score;

/** Whether a caseload organisation reaches an employer (employer-access.ts: brought in, or its region). */
export function reaches(org: { id: string; region: string }, v: VacancyDocument): boolean {
  if (v.employerOwnerOrganisationId === org.id) return true;
  const mine = regionNames(org.region);
  return v.employerRegions.some((r) => mine.includes(r));
}

const CHUNK = 2000;

/** Search documents for these ids, loaded in chunks by the engine's own loaders. */
export async function vacancyDocuments(
  em: EntityManager,
  ids: readonly string[],
): Promise<VacancyDocument[]> {
  const docs: VacancyDocument[] = [];
  for (let i = 0; i < ids.length; i += CHUNK)
    docs.push(...(await loadVacancyDocuments(em, ids.slice(i, i + CHUNK))).docs);
  return docs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export async function candidateDocuments(
  em: EntityManager,
  ids: readonly string[],
): Promise<CandidateDocument[]> {
  const docs: CandidateDocument[] = [];
  for (let i = 0; i < ids.length; i += CHUNK)
    docs.push(...(await loadCandidateDocuments(em, ids.slice(i, i + CHUNK))).docs);
  return docs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The caseload organisations (werkbedrijf, gemeenten, re-integratiebedrijf) with their regions. */
export function caseloadOrganisations(em: EntityManager) {
  return queryRows<{ id: string; region: string }>(
    em,
    `SELECT id, region FROM organisations WHERE kind IN ('werkbedrijf','gemeente','re-integratiebedrijf') ORDER BY id`,
  );
}
