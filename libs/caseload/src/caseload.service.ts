import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '@werkbrug/auth';
import { CandidatesService, displayFactsJoin } from '@werkbrug/candidates';
import { queryRows } from '@werkbrug/database';
import { today as dutchToday } from '@werkbrug/domain';
import { ATTENTION_CODES, attentionFor, attentionRank } from './attention-rules';
import { CaseloadPage, CaseloadQuery, CaseloadRow } from './caseload.dto';
import { profileCompleteness } from './profile-completeness';

interface FactsRow {
  id: string;
  pseudonym: string;
  place: string;
  werkmakelaar_id: string | null;
  werksoort_wishes: string[];
  interests: string;
  certificates: string[];
  language_level: string;
  max_travel_km: string | null;
  max_travel_minutes: number | null;
  ladder_rung: number;
  ladder_measured_on: string;
  updated_at: Date;
  created_on: string;
  trajectory_ended_on: string | null;
  first_name: string | null;
  last_name: string | null;
  has_email: boolean;
  has_phone: boolean;
  has_account: boolean;
  last_contact: string | null;
  nearest_end: string | null;
  consent_waiting: number;
  employer_waiting: number;
  new_signals: number;
}

/** Today in the Netherlands, as YYYY-MM-DD. */

/**
 * The werkmakelaar's caseload: every candidate with what needs attention and how complete the file is.
 * One query gathers the facts; the rules are pure functions (attention-rules, profile-completeness).
 */
@Injectable()
export class CaseloadService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly candidates: CandidatesService,
  ) {}

  private async facts(
    actor: Actor,
    owner: 'me' | 'all',
    candidateId?: string,
  ): Promise<FactsRow[]> {
    // The candidates module's own scoping rule decides who is visible; this query only adds facts.
    const [visibleSql, visibleParams] = this.candidates
      .scoped(actor)
      .select('c.id', 'id')
      .getQueryAndParameters();
    const params: unknown[] = [...(visibleParams as unknown[])];
    let ownerFilter = '';
    if (owner === 'me') {
      params.push(actor.userId);
      ownerFilter = `WHERE c.werkmakelaar_id = $${params.length}`;
    } else if (candidateId) {
      params.push(candidateId);
      ownerFilter = `WHERE c.id = $${params.length}`;
    }
    // Names and whether contact details exist: the candidates module's own join (display, not audited).
    const display = displayFactsJoin('c');
    return queryRows<FactsRow>(
      this.db,
      `WITH visible AS (${visibleSql})
       SELECT c.id, c.pseudonym, ${display.columns}, c.place, c.werkmakelaar_id, c.werksoort_wishes, c.interests, c.certificates,
              c.language_level, c.max_travel_km, c.max_travel_minutes, c.ladder_rung,
              c.ladder_measured_on::text AS ladder_measured_on, c.updated_at,
              (c.created_at AT TIME ZONE 'Europe/Amsterdam')::date::text AS created_on,
              c.trajectory_ended_on::text AS trajectory_ended_on,
              EXISTS (SELECT 1 FROM users u WHERE u.candidate_id = c.id AND u.active) AS has_account,
              (SELECT max(k.contact_on)::text FROM checkins k WHERE k.candidate_id = c.id) AS last_contact,
              (SELECT min(p.planned_end_date)::text FROM placements p
                WHERE p.candidate_id = c.id AND p.status = 'lopend') AS nearest_end,
              coalesce(o.consent_waiting, 0)::int AS consent_waiting,
              coalesce(o.employer_waiting, 0)::int AS employer_waiting,
              (SELECT count(*) FROM interest_signals s
                WHERE s.candidate_id = c.id AND s.withdrawn_at IS NULL AND s.seen_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM proposals x WHERE x.candidate_id = s.candidate_id
                                    AND x.vacancy_id = s.vacancy_id AND x.created_at >= s.created_at))::int AS new_signals
         FROM candidates c
         JOIN visible ON visible.id = c.id
         ${display.join}
         LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE x.status = 'wacht_op_kandidaat') AS consent_waiting,
                                   count(*) FILTER (WHERE x.status = 'wacht_op_werkgever') AS employer_waiting
                              FROM proposals x WHERE x.candidate_id = c.id) o ON true
         ${ownerFilter}`,
      params,
    );
  }

  /** One candidate's caseload row (attention and completeness), or null when not visible. */
  async rowFor(actor: Actor, candidateId: string, now = new Date()): Promise<CaseloadRow | null> {
    const [f] = await this.facts(actor, 'all', candidateId);
    return f ? toCaseloadRow(f, dutchToday(now)) : null;
  }

  async list(actor: Actor, query: CaseloadQuery, now = new Date()): Promise<CaseloadPage> {
    const today = dutchToday(now);
    const rows = (await this.facts(actor, query.owner ?? 'me')).map((f) => toCaseloadRow(f, today));
    const counts: Record<string, number> = Object.fromEntries(
      ATTENTION_CODES.map((code) => [code, 0]),
    );
    for (const r of rows) for (const a of r.attention) counts[a.code] = (counts[a.code] ?? 0) + 1;
    counts.any = rows.filter((r) => r.attention.length).length;

    const q = query.q?.trim().toLocaleLowerCase('nl');
    const filtered = rows.filter((r) => {
      if (
        q &&
        ![r.name ?? '', r.pseudonym, r.place].some((s) => s.toLocaleLowerCase('nl').includes(q))
      )
        return false;
      const a = query.attention;
      if (a === 'any') return r.attention.length > 0;
      if (a === 'none') return r.attention.length === 0;
      if (a) return r.attention.some((x) => x.code === a);
      return true;
    });
    filtered.sort(comparator(query.sort ?? 'attention'));
    const limit = query.limit ?? 25;
    const page = query.page ?? 1;
    return {
      items: filtered.slice((page - 1) * limit, page * limit),
      total: filtered.length,
      page,
      limit,
      today,
      counts,
    };
  }
}

/** One collator for every comparison: localeCompare(…, 'nl') would build one per call. */
const DUTCH = new Intl.Collator('nl');
const byName = (a: CaseloadRow, b: CaseloadRow) =>
  DUTCH.compare(a.name ?? a.pseudonym, b.name ?? b.pseudonym) ||
  (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0);

/** Deterministic orders; ties fall back to the name, then the id. */
function comparator(sort: NonNullable<CaseloadQuery['sort']>) {
  const desc = sort.startsWith('-');
  const dir = desc ? -1 : 1;
  switch (sort.replace('-', '')) {
    case 'name':
      return (a: CaseloadRow, b: CaseloadRow) => dir * byName(a, b);
    case 'completeness':
      return (a: CaseloadRow, b: CaseloadRow) =>
        dir * (a.completeness.score - b.completeness.score) || byName(a, b);
    case 'lastContact':
      // Never contacted counts as longest ago.
      return (a: CaseloadRow, b: CaseloadRow) =>
        dir *
          ((a.lastContactOn ?? '') < (b.lastContactOn ?? '')
            ? -1
            : (a.lastContactOn ?? '') > (b.lastContactOn ?? '')
              ? 1
              : 0) || byName(a, b);
    default:
      return (a: CaseloadRow, b: CaseloadRow) => {
        const [ra, rb] = [attentionRank(a.attention), attentionRank(b.attention)];
        return ra[0] - rb[0] || ra[1] - rb[1] || byName(a, b);
      };
  }
}

/** The facts of one candidate as a caseload row: the pure rules decide attention and completeness. */
function toCaseloadRow(f: FactsRow, today: string): CaseloadRow {
  const completeness = profileCompleteness(
    {
      werksoortWishes: f.werksoort_wishes,
      interests: f.interests,
      certificates: f.certificates,
      languageLevel: f.language_level,
      maxTravelKm: f.max_travel_km === null ? null : Number(f.max_travel_km),
      maxTravelMinutes: f.max_travel_minutes,
      hasEmail: f.has_email,
      hasPhone: f.has_phone,
      hasAccount: f.has_account,
      ladderMeasuredOn: f.ladder_measured_on,
      updatedAt: new Date(f.updated_at).toISOString(),
    },
    today,
  );
  const attention = attentionFor(
    {
      inTrajectory: f.trajectory_ended_on === null || f.trajectory_ended_on > today,
      lastContactOn: f.last_contact,
      createdOn: f.created_on,
      nearestPlannedEnd: f.nearest_end,
      consentWaiting: f.consent_waiting,
      employerAnswerWaiting: f.employer_waiting,
      newInterestSignals: f.new_signals,
      ladderMeasuredOn: f.ladder_measured_on,
      completenessScore: completeness.score,
    },
    today,
  );
  const row: CaseloadRow = {
    candidateId: f.id,
    pseudonym: `Kandidaat ${f.pseudonym}`,
    name: f.first_name ? `${f.first_name} ${f.last_name ?? ''}`.trim() : null,
    place: f.place,
    werkmakelaarId: f.werkmakelaar_id,
    ladderRung: f.ladder_rung,
    ladderMeasuredOn: f.ladder_measured_on,
    lastContactOn: f.last_contact,
    attention,
    completeness,
  };
  return row;
}
