import { newVacancyData, vacancyRowOf } from '@werkbrug/vacancies';
import type { EvalCandidate, EvalVacancy } from './evaluation-set';
import type { Query } from './independent-check';

const postcode = (value: string) => value.replace(/\s+/g, '').toUpperCase();

export interface EvalOwners {
  organisationId: string;
  employerId: string;
}

/** The werkbedrijf that holds the evaluation candidates and the employer that offers its workplaces. */
export async function createEvalOwners(query: Query): Promise<EvalOwners> {
  const [org] = (await query(
    `INSERT INTO organisations (kind, name, region) VALUES ('werkbedrijf', 'Evaluatie Werkbedrijf', 'Woerden') RETURNING id`,
  )) as { id: string }[];
  const [employerOrg] = (await query(
    `INSERT INTO organisations (kind, name, region) VALUES ('werkgever', 'Evaluatie Werkgever', 'Woerden') RETURNING id`,
  )) as { id: string }[];
  const [employer] = (await query(
    `INSERT INTO employers (organisation_id, owner_organisation_id, region, name, kvk_number, contact_name)
     VALUES ($1, $2, 'Woerden', 'Evaluatie Werkgever', '99999901', 'Evaluatie') RETURNING id`,
    [employerOrg.id, org.id],
  )) as { id: string }[];
  return { organisationId: org.id, employerId: employer.id };
}

/**
 * Writes the API bodies of the evaluation set straight into PostgreSQL, field for field as the
 * candidates and vacancies services store them (used by the CLI, which has no HTTP server).
 */
export function sqlRecordWriter(query: Query, owners: EvalOwners) {
  let werksoorten: Map<string, string> | null = null;
  return {
    async createCandidate({ body: b }: EvalCandidate): Promise<string> {
      const [row] = (await query(
        `INSERT INTO candidates (organisation_id, werksoort_wishes, interests, hours_min, hours_max, days, dayparts,
           postcode, place, lat, lng, travel_mode, max_travel_km, max_travel_minutes, ladder_rung, ladder_measured_on,
           route, arrangements, certificates, language_level, ability_lifting, ability_standing, ability_pace,
           ability_stimuli, ability_outdoor, needs_jobcoach, needs_buddy, needs_wheelchair_access)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
           $23, $24, $25, $26, $27, $28) RETURNING id`,
        [
          owners.organisationId,
          b.werksoortWishes,
          b.interests.trim(),
          b.hoursMin,
          b.hoursMax,
          b.days,
          b.dayparts,
          postcode(b.homeArea.postcode),
          b.homeArea.place,
          b.homeArea.lat,
          b.homeArea.lng,
          b.travelMode,
          b.maxTravelKm ?? null,
          b.maxTravelMinutes ?? null,
          b.ladderRung,
          b.ladderMeasuredOn,
          b.route,
          b.arrangements ?? null,
          b.certificates,
          b.languageLevel,
          b.abilities.lifting,
          b.abilities.standing,
          b.abilities.pace,
          b.abilities.stimuli,
          b.abilities.outdoor,
          b.supportNeeds.jobcoach ?? false,
          b.supportNeeds.buddy ?? false,
          b.supportNeeds.wheelchairAccess ?? false,
        ],
      )) as { id: string }[];
      await query(
        `INSERT INTO candidate_protected (candidate_id, first_name, last_name) VALUES ($1, $2, $3)`,
        [row.id, b.personal.firstName, b.personal.lastName],
      );
      return row.id;
    },

    async createVacancy({ body: b }: EvalVacancy): Promise<string> {
      werksoorten ??= new Map(
        ((await query(`SELECT id, code FROM werksoorten`)) as { id: string; code: string }[]).map(
          (w) => [w.code, w.id],
        ),
      );
      const werksoortId = werksoorten.get(b.werksoort);
      if (!werksoortId) throw new Error(`werksoort ${b.werksoort} is not seeded`);
      // The same body → data mapping as the API's create, written column by column.
      const data = newVacancyData(b, {
        employerId: owners.employerId,
        werksoortId,
        location: { ...b.location, postcode: postcode(b.location.postcode) },
      });
      const {
        id: _id,
        created_at: _c,
        updated_at: _u,
        ...row
      } = vacancyRowOf(data, {
        id: '',
        createdAt: '',
      });
      const columns = Object.keys(row);
      const [inserted] = (await query(
        `INSERT INTO vacancies (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
        Object.values(row),
      )) as { id: string }[];
      return inserted.id;
    },
  };
}
