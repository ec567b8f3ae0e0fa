import type { EntityManager } from 'typeorm';
import { regionNames } from '@werkbrug/employers';
import { languageRank, type Instrument, type LanguageLevel } from '@werkbrug/domain';
import type { Actor } from '@werkbrug/auth';
import { rawCandidateVisibilityParams, rawCandidateVisibleSql } from '@werkbrug/candidates';
import {
  rawVacancyVisibleSql,
  rawVisibilityParams,
  vacancyRecordFromRow,
  type VacancyData,
  type VacancyField,
} from '@werkbrug/vacancies';
import type { CandidateProfile, VacancyProfile } from '../engine/match-profiles';
import { acceptedArrangements, travelRangeKm } from '../engine/matching-rules';
import { queryRows } from '@werkbrug/database';

/** A vacancy as stored in Meilisearch: the match profile plus search-only fields and its update stamp. */
export interface VacancyDocument extends VacancyProfile {
  werksoortTerms: string[];
  /** The werksoort's ISCO-08 unit group and BRC 2014 beroepsgroep (null: not classified). */
  iscoCode: string | null;
  brcCode: string | null;
  /** Who may see it, for counts and facets that agree with employerVisibleSql (employer-access.ts). */
  employerOwnerOrganisationId: string | null;
  employerRegions: string[];
  instruments: Instrument[];
  updatedAt: number;
  version: number;
}

/** A candidate as stored in Meilisearch: work profile and owning organisation only, never protected data. */
export interface CandidateDocument extends CandidateProfile {
  werksoortTerms: string[];
  updatedAt: number;
  version: number;
}

type Row = Record<string, unknown>;

const VACANCY_SQL = `
  SELECT v.*, e.name AS employer_name, e.owner_organisation_id AS employer_owner_organisation_id,
         e.region AS employer_region, w.code AS werksoort_code, w.name AS werksoort_name, w.synonyms AS werksoort_synonyms,
         w.isco_code AS werksoort_isco_code, w.brc_code AS werksoort_brc_code
    FROM vacancies v JOIN employers e ON e.id = v.employer_id JOIN werksoorten w ON w.id = v.werksoort_id`;

/**
 * What the search document does with each stored vacancy field. Exhaustive: a new field does not
 * compile until it is decided here. `copy` fields go into the document as they are (and must be
 * declared in VacancyDocument / the VacancyProfile the engine reads); `derived` ones are computed
 * below; `not-indexed` ones stay in PostgreSQL.
 */
export const VACANCY_SEARCH_FIELDS = {
  employerId: 'copy',
  werksoortId: 'not-indexed',
  title: 'copy',
  description: 'copy',
  address: 'not-indexed',
  postcode: 'not-indexed',
  place: 'copy',
  lat: 'copy',
  lng: 'copy',
  arrangements: 'copy',
  hoursMin: 'copy',
  hoursMax: 'copy',
  workingDays: 'copy',
  dayparts: 'copy',
  hoursAdjustable: 'copy',
  hoursAdjustmentNote: 'not-indexed',
  requiredCertificates: 'copy',
  desiredCertificates: 'copy',
  minLanguageLevel: 'derived',
  demandLifting: 'copy',
  demandStanding: 'copy',
  demandPace: 'copy',
  demandStimuli: 'copy',
  demandOutdoor: 'copy',
  jobcoachWelcome: 'copy',
  buddyAvailable: 'copy',
  wheelchairAccessible: 'copy',
  places: 'derived',
  placesFilled: 'derived',
  startDate: 'not-indexed',
  status: 'copy',
  instruments: 'copy',
} as const satisfies Record<VacancyField, 'copy' | 'derived' | 'not-indexed'>;

type SearchFields = typeof VACANCY_SEARCH_FIELDS;
type CopiedField = {
  [K in VacancyField]: SearchFields[K] extends 'copy' ? K : never;
}[VacancyField];

// A copied field must be declared in the document (and so in the match profile the engine reads).
type NotInDocument = Exclude<CopiedField, keyof VacancyDocument>;
const copiedFieldsAreDeclared: [NotInDocument] extends [never] ? true : NotInDocument = true;
void copiedFieldsAreDeclared;

const COPIED = (Object.keys(VACANCY_SEARCH_FIELDS) as VacancyField[]).filter(
  (f): f is CopiedField => VACANCY_SEARCH_FIELDS[f] === 'copy',
);

export function toVacancyDocument(r: Row): VacancyDocument {
  const v = vacancyRecordFromRow(r);
  const copied: Partial<Record<CopiedField, unknown>> = {};
  for (const field of COPIED) copied[field] = v[field];
  const placesFree = v.places - v.placesFilled;
  return {
    ...(copied as Pick<VacancyData, CopiedField>),
    id: v.id,
    employerName: v.employer?.name ?? '',
    employerOwnerOrganisationId: (r.employer_owner_organisation_id as string | null) ?? null,
    employerRegions: regionNames(r.employer_region as string | null),
    werksoortCode: v.werksoort?.code ?? '',
    werksoortName: v.werksoort?.name ?? '',
    werksoortTerms: [v.werksoort?.name ?? '', ...((r.werksoort_synonyms as string[]) ?? [])],
    iscoCode: (r.werksoort_isco_code as string | null | undefined) ?? null,
    brcCode: (r.werksoort_brc_code as string | null | undefined) ?? null,
    minLanguageRank: languageRank(v.minLanguageLevel),
    placesFree,
    open: v.status === 'open' && placesFree > 0,
    updatedAt: v.updatedAt.getTime(),
    version: v.version,
  };
}

const CANDIDATE_SQL = `
  SELECT c.*, coalesce((SELECT array_agg(term) FROM werksoorten w, unnest(array_prepend(w.name, w.synonyms)) term
                         WHERE w.code = ANY(c.werksoort_wishes)), '{}') AS werksoort_terms
    FROM candidates c`;

export function toCandidateDocument(r: Row): CandidateDocument {
  const lat = Number(r.lat);
  const lng = Number(r.lng);
  const ended = r.trajectory_ended_on ? new Date(r.trajectory_ended_on as string) : null;
  return {
    id: r.id as string,
    pseudonym: r.pseudonym as string,
    organisationId: r.organisation_id as string,
    werksoortWishes: r.werksoort_wishes as string[],
    werksoortTerms: (r.werksoort_terms as string[]) ?? [],
    interests: r.interests as string,
    hoursMin: Number(r.hours_min),
    hoursMax: Number(r.hours_max),
    days: r.days as CandidateProfile['days'],
    dayparts: r.dayparts as CandidateProfile['dayparts'],
    place: r.place as string,
    lat,
    lng,
    travelMode: r.travel_mode as CandidateProfile['travelMode'],
    rangeKm: travelRangeKm(
      r.travel_mode as CandidateProfile['travelMode'],
      r.max_travel_km === null ? null : Number(r.max_travel_km),
      r.max_travel_minutes === null ? null : Number(r.max_travel_minutes),
    ),
    ladderRung: Number(r.ladder_rung),
    arrangementsAccepted: acceptedArrangements(
      Number(r.ladder_rung),
      (r.arrangements as CandidateProfile['arrangementsAccepted'] | null) ?? null,
    ),
    certificates: r.certificates as string[],
    languageRank: languageRank(r.language_level as LanguageLevel),
    abilityLifting: Number(r.ability_lifting),
    abilityStanding: Number(r.ability_standing),
    abilityPace: Number(r.ability_pace),
    abilityStimuli: Number(r.ability_stimuli),
    abilityOutdoor: Number(r.ability_outdoor),
    needsJobcoach: r.needs_jobcoach as boolean,
    needsBuddy: r.needs_buddy as boolean,
    needsWheelchairAccess: r.needs_wheelchair_access as boolean,
    active: !r.erased_at && (!ended || ended.getTime() > Date.now()),
    updatedAt: new Date(r.updated_at as string).getTime(),
    version: Number(r.version),
  };
}

type Runner = Pick<EntityManager, 'query'>;

/** Current documents for these ids; ids without a row (deleted, erased) are returned as missing. */
export async function loadVacancyDocuments(db: Runner, ids: string[]) {
  const rows = await queryRows<Row>(db, `${VACANCY_SQL} WHERE v.id = ANY($1)`, [ids]);
  const docs = rows.map(toVacancyDocument);
  const found = new Set(docs.map((d) => d.id));
  return { docs, missing: ids.filter((id) => !found.has(id)) };
}

export async function loadCandidateDocuments(db: Runner, ids: string[]) {
  const rows = await queryRows<Row>(
    db,
    `${CANDIDATE_SQL} WHERE c.id = ANY($1) AND c.erased_at IS NULL`,
    [ids],
  );
  const docs = rows.map(toCandidateDocument);
  const found = new Set(docs.map((d) => d.id));
  return { docs, missing: ids.filter((id) => !found.has(id)) };
}

/**
 * One workplace's document if the actor may see it, in one statement: the vacancies lib's visibility
 * rule joined into the load (matching starts from it), instead of a check and then a load.
 */
export async function loadVisibleVacancyDocument(
  db: Runner,
  actor: Actor,
  id: string,
): Promise<VacancyDocument | null> {
  const rows = await queryRows<Row>(
    db,
    `${VACANCY_SQL} WHERE v.id = $1 AND ${rawVacancyVisibleSql('v', 'e')}`,
    [id, ...rawVisibilityParams(actor)],
  );
  return rows[0] ? toVacancyDocument(rows[0]) : null;
}

/** One candidate's document if the actor may see it: the candidates lib's rule in the same statement. */
export async function loadVisibleCandidateDocument(
  db: Runner,
  actor: Actor,
  id: string,
): Promise<CandidateDocument | null> {
  const rows = await queryRows<Row>(
    db,
    `${CANDIDATE_SQL} WHERE c.id = $1 AND ${rawCandidateVisibleSql('c')}`,
    [id, ...rawCandidateVisibilityParams(actor)],
  );
  return rows[0] ? toCandidateDocument(rows[0]) : null;
}

/** Keyset pages over a whole table, for reindex and reconcile. */
export async function* vacancyDocumentPages(db: Runner, pageSize: number) {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await queryRows<Row>(db, `${VACANCY_SQL} WHERE v.id > $1 ORDER BY v.id LIMIT $2`, [
      after,
      pageSize,
    ]);
    if (!rows.length) return;
    after = rows[rows.length - 1].id as string;
    yield rows.map(toVacancyDocument);
  }
}

export async function* candidateDocumentPages(db: Runner, pageSize: number) {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await queryRows<Row>(
      db,
      `${CANDIDATE_SQL} WHERE c.id > $1 AND c.erased_at IS NULL ORDER BY c.id LIMIT $2`,
      [after, pageSize],
    );
    if (!rows.length) return;
    after = rows[rows.length - 1].id as string;
    yield rows.map(toCandidateDocument);
  }
}
