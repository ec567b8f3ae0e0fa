import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '@werkbrug/auth';
import { Problems } from '@werkbrug/http';
import type { TrajectoryOutcome } from '@werkbrug/trajectories';
import { today } from '@werkbrug/domain';
import { toCsv } from './csv';
import { buildFermWerkTable, FERM_WERK_ROWS, type OutcomeGroup } from './ferm-werk';
import {
  Breakdown,
  DurabilityReport,
  FermWerkQuery,
  FermWerkReport,
  FunnelReport,
  LadderProgressReport,
  ReportGroupView,
  ReportQuery,
  ReportScopeView,
} from './report.dto';
import { applyHiding, cellsToHide, SMALL_CELL_THRESHOLD } from './suppression';
import { queryRows } from '@werkbrug/database';

type Row = Record<string, unknown>;

export interface Scope extends ReportScopeView {
  /** Lower-cased gemeente for comparisons, or null. */
  gemeenteKey: string | null;
}

/** Group key per breakdown; only these fixed expressions ever reach the SQL text. */
const KEY_SQL: Record<Breakdown | 'none', string> = {
  none: 'NULL::text',
  werksoort: 't.werksoort',
  arrangement: 't.form',
  route: 't.route',
  organisation: 't.organisation_id::text',
  gemeente: 't.gemeente',
};

/** What a breakdown column is called, and for a werksoort its standard codes (CBS/UWV comparison). */
interface GroupLabel {
  name: string;
  iscoCode: string | null;
  brcCode: string | null;
  brcName: string | null;
}
const NO_CODES = { iscoCode: null, brcCode: null, brcName: null } as const;

/** A werksoort column in a CSV file carries its codes, so the file can be laid next to CBS figures. */
const csvGroupLabel = (g: ReportGroupView) =>
  [g.label, g.iscoCode && `ISCO ${g.iscoCode}`, g.brcCode && `BRC ${g.brcCode} ${g.brcName ?? ''}`]
    .filter(Boolean)
    .join(' – ')
    .trim();

const humanise = (code: string) => {
  const text = code.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

const FUNNEL_STEPS = [
  { key: 'inView', label: 'In beeld' },
  { key: 'coached', label: 'Begeleid' },
  { key: 'toWork', label: 'Naar werk' },
  { key: 'toVolunteer', label: 'Naar vrijwilligerswerk' },
  { key: 'movedAway', label: 'Verhuisd' },
  { key: 'stillCoached', label: 'Nog in begeleiding' },
] as const;

const LADDER_ROWS = [
  { key: 'measured', label: 'Gemeten in de periode' },
  { key: 'followedUp', label: 'Opnieuw gemeten binnen een jaar' },
  { key: 'up', label: 'Binnen een jaar minstens één trede hoger' },
  { key: 'notUp', label: 'Niet hoger' },
  { key: 'noFollowUp', label: 'Nog niet opnieuw gemeten' },
] as const;

const share = (part: number | null, whole: number | null) =>
  part === null || whole === null || whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;

/**
 * The outcome reports: aggregates over trajectories, placements, check-ins and ladder measurements.
 * A werkmakelaar gets their own organisation; an administrator any organisation or all of them.
 * Anything shared outside the organisation has its small cells hidden.
 */
@Injectable()
export class ReportsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async scope(actor: Actor, q: ReportQuery, csv: boolean): Promise<Scope> {
    let organisationId: string | null;
    if (actor.role === 'admin') organisationId = q.organisationId ?? null;
    else {
      if (q.organisationId && q.organisationId !== actor.organisationId)
        throw Problems.forbidden('A werkmakelaar sees the reports of their own organisation only.');
      organisationId = actor.organisationId;
    }
    const from = q.from ?? '2000-01-01';
    const to = q.to ?? today();
    if (from > to) throw Problems.validation([{ field: 'from', message: 'must not be after to' }]);
    const orgs = await queryRows<Row>(
      this.db,
      `SELECT id, kind, name FROM organisations WHERE id = ANY($1::uuid[])`,
      [[actor.organisationId, ...(organisationId ? [organisationId] : [])]],
    );
    const own = orgs.find((o) => o.id === actor.organisationId);
    const target = organisationId ? orgs.find((o) => o.id === organisationId) : null;
    if (organisationId && !target)
      throw Problems.validation([{ field: 'organisationId', message: 'unknown organisation' }]);
    const ownGemeente =
      own?.kind === 'gemeente'
        ? String(own.name)
            .replace(/^gemeente\s+/i, '')
            .toLowerCase()
        : null;
    const gemeenteKey = q.gemeente ? q.gemeente.trim().toLowerCase() : null;
    // Inside the organisation: its own report, for no gemeente or for the gemeente it is.
    const inside =
      organisationId === actor.organisationId && (!gemeenteKey || gemeenteKey === ownGemeente);
    return {
      organisationId,
      organisationName: target ? String(target.name) : 'Alle organisaties',
      gemeente: q.gemeente?.trim() ?? null,
      gemeenteKey,
      from,
      to,
      suppressed: csv || !inside,
      threshold: SMALL_CELL_THRESHOLD,
    };
  }

  private view(s: Scope): ReportScopeView {
    const { gemeenteKey: _, ...rest } = s;
    return rest;
  }

  /** Hides small cells when the report leaves the organisation; values stay related by no sum. */
  private hideEach(s: Scope, values: number[]): (number | null)[] {
    return s.suppressed ? applyHiding(values, cellsToHide(values, [])) : values;
  }

  async fermWerk(actor: Actor, q: FermWerkQuery, csv = false): Promise<FermWerkReport> {
    const s = await this.scope(actor, q, csv);
    const by = q.by ?? null;
    const groups: OutcomeGroup[] = (
      await queryRows<Row>(
        this.db,
        `SELECT ${KEY_SQL[by ?? 'none']} AS key, t.outcome, (t.end_date IS NOT NULL AND t.end_date <= $2) AS ended,
                count(*)::int AS n
           FROM trajectories t
          WHERE t.start_date BETWEEN $1 AND $2 AND ($3::uuid IS NULL OR t.organisation_id = $3)
            AND ($4::text IS NULL OR lower(t.gemeente) = $4)
          GROUP BY 1, 2, 3`,
        [s.from, s.to, s.organisationId, s.gemeenteKey],
      )
    ).map((r) => ({
      key: (r.key as string | null) ?? null,
      outcome: (r.outcome as TrajectoryOutcome | null) ?? null,
      ended: r.ended as boolean,
      n: r.n as number,
    }));
    const table = buildFermWerkTable(groups, { breakdown: !!by, suppress: s.suppressed });
    const labels = by
      ? await this.labels(
          by,
          table.columns.map((c) => c.key),
        )
      : new Map<string, GroupLabel>();
    const [sw] = await queryRows<Row>(
      this.db,
      `SELECT count(*)::int AS transitions, count(DISTINCT x.trajectory_id)::int AS trajectories,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM trajectory_transitions y WHERE y.trajectory_id = x.trajectory_id
                   AND y.from_form = x.to_form AND (y.switched_on, y.created_at) <= (x.switched_on, x.created_at)))::int AS returns
         FROM trajectory_transitions x JOIN trajectories t ON t.id = x.trajectory_id
        WHERE x.switched_on BETWEEN $1 AND $2 AND ($3::uuid IS NULL OR t.organisation_id = $3)
          AND ($4::text IS NULL OR lower(t.gemeente) = $4)`,
      [s.from, s.to, s.organisationId, s.gemeenteKey],
    );
    const [transitions, trajectories, returns] = this.hideEach(s, [
      sw.transitions as number,
      sw.trajectories as number,
      sw.returns as number,
    ]);
    return {
      scope: this.view(s),
      by,
      groups: table.columns.map((c) => {
        const known = c.key === null ? undefined : labels.get(c.key);
        return {
          key: c.key,
          label: c.key === null ? 'Onbekend' : (known?.name ?? humanise(c.key)),
          iscoCode: known?.iscoCode ?? null,
          brcCode: known?.brcCode ?? null,
          brcName: known?.brcName ?? null,
        };
      }),
      rows: FERM_WERK_ROWS.map((r) => ({
        key: r.key,
        label: r.label,
        total: table.total[r.key],
        byGroup: table.columns.map((c) => c.cells[r.key]),
      })),
      switches: {
        transitions: transitions ?? null,
        trajectories: trajectories ?? null,
        returns: returns ?? null,
      },
    };
  }

  private async labels(by: Breakdown, keys: (string | null)[]): Promise<Map<string, GroupLabel>> {
    const present = keys.filter((k): k is string => !!k);
    if (by === 'organisation') {
      const rows = await queryRows<Row>(
        this.db,
        `SELECT id::text AS key, name FROM organisations WHERE id = ANY($1::uuid[])`,
        [present],
      );
      return new Map(rows.map((r) => [r.key as string, { name: r.name as string, ...NO_CODES }]));
    }
    if (by === 'werksoort') {
      const rows = await queryRows<{
        key: string;
        name: string;
        isco_code: string | null;
        brc_code: string | null;
        brc_name: string | null;
      }>(
        this.db,
        `SELECT code AS key, name, isco_code, brc_code, brc_name FROM werksoorten WHERE code = ANY($1)`,
        [present],
      );
      return new Map(
        rows.map((r) => [
          r.key,
          { name: r.name, iscoCode: r.isco_code, brcCode: r.brc_code, brcName: r.brc_name },
        ]),
      );
    }
    return new Map();
  }

  async funnel(actor: Actor, q: ReportQuery, csv = false): Promise<FunnelReport> {
    const s = await this.scope(actor, q, csv);
    const [r] = await queryRows<Row>(
      this.db,
      `SELECT
         (SELECT count(*) FROM candidates c
           WHERE c.erased_at IS NULL AND ($3::uuid IS NULL OR c.organisation_id = $3)
             -- Known by the end of the period: registered by then, or already in a trajectory.
             AND (c.created_at < ($2::date + 1)
                  OR EXISTS (SELECT 1 FROM trajectories x WHERE x.candidate_id = c.id AND x.start_date <= $2))
             AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM postcode_areas pa
                   WHERE pa.pc4 = left(c.postcode, 4) AND lower(pa.municipality) = $4)))::int AS in_view,
         count(DISTINCT t.candidate_id) FILTER (WHERE t.end_date IS NULL OR t.end_date >= $1)::int AS coached,
         count(DISTINCT t.candidate_id) FILTER (WHERE t.end_date BETWEEN $1 AND $2 AND t.outcome = 'werk_proefplaatsing')::int AS to_work,
         count(DISTINCT t.candidate_id) FILTER (WHERE t.end_date BETWEEN $1 AND $2 AND t.outcome = 'participatie_vrijwilligerswerk')::int AS to_volunteer,
         count(DISTINCT t.candidate_id) FILTER (WHERE t.end_date BETWEEN $1 AND $2 AND t.moved_away)::int AS moved_away,
         count(DISTINCT t.candidate_id) FILTER (WHERE t.end_date IS NULL OR t.end_date > $2)::int AS still_coached
       FROM trajectories t
      WHERE t.start_date <= $2 AND ($3::uuid IS NULL OR t.organisation_id = $3)
        AND ($4::text IS NULL OR lower(t.gemeente) = $4)`,
      [s.from, s.to, s.organisationId, s.gemeenteKey],
    );
    const raw = [
      r.in_view,
      r.coached,
      r.to_work,
      r.to_volunteer,
      r.moved_away,
      r.still_coached,
    ] as number[];
    const shown = this.hideEach(s, raw);
    return {
      scope: this.view(s),
      steps: FUNNEL_STEPS.map((step, i) => ({ ...step, value: shown[i] ?? null })),
    };
  }

  async durability(actor: Actor, q: ReportQuery, csv = false): Promise<DurabilityReport> {
    const s = await this.scope(actor, q, csv);
    const horizons = [6, 12];
    const [r] = await queryRows<Row>(
      this.db,
      `WITH contracts AS (
         SELECT p.candidate_id, p.ended_on FROM placements p
           JOIN candidates c ON c.id = p.candidate_id
          -- Only placements the employer confirmed count (an unconfirmed one never really started).
          WHERE p.outcome = 'contract' AND p.confirmation = 'bevestigd' AND p.ended_on BETWEEN $1 AND $2
            AND ($3::uuid IS NULL OR p.organisation_id = $3)
            AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM postcode_areas pa
                  WHERE pa.pc4 = left(c.postcode, 4) AND lower(pa.municipality) = $4))),
       marks AS (
         SELECT k.candidate_id, k.ended_on, h.months, (k.ended_on + make_interval(months => h.months))::date AS mark
           FROM contracts k CROSS JOIN unnest($5::int[]) AS h(months)),
       judged AS (
         SELECT m.months, m.mark <= $6::date AS eligible,
                EXISTS (SELECT 1 FROM trajectories t WHERE t.candidate_id = m.candidate_id
                         AND t.start_date > m.ended_on AND t.start_date <= m.mark) AS fell_back,
                EXISTS (SELECT 1 FROM checkins ci WHERE ci.candidate_id = m.candidate_id
                         AND ci.contact_on >= m.mark) AS seen_after
           FROM marks m)
       SELECT (SELECT count(*) FROM contracts)::int AS contracts,
              coalesce(json_agg(json_build_object(
                'months', months, 'eligible', eligible, 'fellBack', fell_back, 'seenAfter', seen_after)), '[]') AS rows
         FROM judged`,
      [s.from, s.to, s.organisationId, s.gemeenteKey, horizons, today()],
    );
    const judged = r.rows as {
      months: number;
      eligible: boolean;
      fellBack: boolean;
      seenAfter: boolean;
    }[];
    const values: number[] = [r.contracts as number];
    for (const months of horizons) {
      const el = judged.filter((j) => j.months === months && j.eligible);
      const fellBack = el.filter((j) => j.fellBack).length;
      const atWork = el.filter((j) => !j.fellBack && j.seenAfter).length;
      values.push(el.length, atWork, fellBack, el.length - atWork - fellBack);
    }
    // Per horizon, eligible = atWork + fellBack + unknown: a sum that must not give a hidden cell away.
    const constraints = horizons.map((_, h) => ({
      total: 1 + h * 4,
      parts: [2 + h * 4, 3 + h * 4, 4 + h * 4],
    }));
    const shown: (number | null)[] = s.suppressed
      ? applyHiding(values, cellsToHide(values, constraints))
      : values;
    return {
      scope: this.view(s),
      contracts: shown[0] ?? null,
      horizons: horizons.map((months, h) => {
        const [eligible, atWork, fellBack, unknown] = shown.slice(1 + h * 4, 5 + h * 4) as (
          | number
          | null
        )[];
        return {
          months,
          eligible: eligible ?? null,
          atWork: atWork ?? null,
          fellBack: fellBack ?? null,
          unknown: unknown ?? null,
          share: share(atWork ?? null, eligible ?? null),
        };
      }),
    };
  }

  async ladderProgress(actor: Actor, q: ReportQuery, csv = false): Promise<LadderProgressReport> {
    const s = await this.scope(actor, q, csv);
    const [r] = await queryRows<Row>(
      this.db,
      `WITH base AS (
         SELECT DISTINCT ON (m.candidate_id) m.candidate_id, m.rung, m.measured_on
           FROM ladder_measurements m JOIN candidates c ON c.id = m.candidate_id
          WHERE m.measured_on BETWEEN $1 AND $2 AND ($3::uuid IS NULL OR c.organisation_id = $3)
            AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM postcode_areas pa
                  WHERE pa.pc4 = left(c.postcode, 4) AND lower(pa.municipality) = $4))
          ORDER BY m.candidate_id, m.measured_on, m.created_at),
       later AS (
         SELECT b.candidate_id, b.rung, max(l.rung) AS best
           FROM base b LEFT JOIN ladder_measurements l ON l.candidate_id = b.candidate_id
            AND l.measured_on > b.measured_on AND l.measured_on <= b.measured_on + 365
          GROUP BY b.candidate_id, b.rung)
       SELECT count(*)::int AS measured, count(best)::int AS followed_up,
              count(*) FILTER (WHERE best > rung)::int AS up
         FROM later`,
      [s.from, s.to, s.organisationId, s.gemeenteKey],
    );
    const measured = r.measured as number;
    const followedUp = r.followed_up as number;
    const up = r.up as number;
    const values = [measured, followedUp, up, followedUp - up, measured - followedUp];
    const constraints = [
      { total: 0, parts: [1, 4] },
      { total: 1, parts: [2, 3] },
    ];
    const shown: (number | null)[] = s.suppressed
      ? applyHiding(values, cellsToHide(values, constraints))
      : values;
    return {
      scope: this.view(s),
      rows: LADDER_ROWS.map((row, i) => ({ ...row, value: shown[i] ?? null })),
      shareUp: share(shown[2] ?? null, shown[1] ?? null),
    };
  }

  // ---- CSV: always treated as shared outside the organisation ----------------------------------

  async fermWerkCsv(actor: Actor, q: FermWerkQuery): Promise<string> {
    const r = await this.fermWerk(actor, q, true);
    return toCsv(
      ['Onderdeel', 'Totaal', ...r.groups.map(csvGroupLabel)],
      r.rows.map((row) => [row.label, row.total, ...row.byGroup]),
    );
  }

  async funnelCsv(actor: Actor, q: ReportQuery): Promise<string> {
    const r = await this.funnel(actor, q, true);
    return toCsv(
      ['Stap', 'Aantal mensen'],
      r.steps.map((x) => [x.label, x.value]),
    );
  }

  async durabilityCsv(actor: Actor, q: ReportQuery): Promise<string> {
    const r = await this.durability(actor, q, true);
    return toCsv(
      [
        'Na maanden',
        'Contracten lang genoeg geleden',
        'Nog aan het werk',
        'Terug in traject',
        'Onbekend',
        'Aandeel aan het werk',
      ],
      r.horizons.map((h) => [h.months, h.eligible, h.atWork, h.fellBack, h.unknown, h.share ?? '']),
    );
  }

  async ladderProgressCsv(actor: Actor, q: ReportQuery): Promise<string> {
    const r = await this.ladderProgress(actor, q, true);
    return toCsv(
      ['Onderdeel', 'Aantal mensen'],
      [
        ...r.rows.map((x) => [x.label, x.value] as (string | number | null)[]),
        ['Aandeel hoger', r.shareUp ?? ''],
      ],
    );
  }
}
