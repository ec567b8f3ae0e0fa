import { CandidatesService } from '@werkbrug/candidates';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@werkbrug/audit';
import type { Actor } from '@werkbrug/auth';
import { caseloadNameSql, isCandidateOfOrganisation } from '@werkbrug/candidates';
import { assertVersion, escapeLike, ProblemException, Problems } from '@werkbrug/http';
import { mondayOf, today } from '@werkbrug/domain';
import { statusForOutcome } from './outcome';
import { exceedsMax, hourStatus } from './phase';
import { TrajectoryRulesService, ruleRowView, type RuleRow } from './trajectory-rules.service';
import {
  CreateGoalDto,
  CreateTrajectoryDto,
  CreateTransitionDto,
  EndTrajectoryDto,
  LogHoursDto,
  TrajectoryListQuery,
  type TrajectoryPageQuery,
  UpdateGoalDto,
} from './trajectory.dto';
import type {
  EarlierFormView,
  FormDetailsView,
  HoursView,
  LearningGoalView,
  TrajectorySummaryView,
  TrajectoryView,
  TransitionView,
} from './trajectory.view';
import { queryRows } from '@werkbrug/database';

type Row = Record<string, unknown>;

const isoDay = (v: unknown) => (v === null || v === undefined ? null : String(v).slice(0, 10));

const TRAJECTORY_COLUMNS = `t.id, t.candidate_id, c.pseudonym, t.organisation_id, t.werkmakelaar_id, t.route,
  t.gemeente, t.werksoort, t.form, t.form_details, t.start_date::text AS start_date, t.status,
  t.end_date::text AS end_date, t.outcome, t.moved_away, t.end_note, t.version, t.created_at, t.updated_at`;

const details = (raw: unknown): FormDetailsView => {
  const d = (raw ?? {}) as Record<string, string | undefined>;
  return {
    jobcoachName: d.jobcoachName ?? null,
    vacancyId: d.vacancyId ?? null,
    workplace: d.workplace ?? null,
  };
};

const pickDetails = (dto: { jobcoachName?: string; vacancyId?: string; workplace?: string }) => {
  const out: Record<string, string> = {};
  if (dto.jobcoachName) out.jobcoachName = dto.jobcoachName;
  if (dto.vacancyId) out.vacancyId = dto.vacancyId;
  if (dto.workplace) out.workplace = dto.workplace;
  return out;
};

const summary = (r: Row): TrajectorySummaryView => ({
  id: r.id as string,
  candidate: { id: r.candidate_id as string, pseudonym: r.pseudonym as string },
  organisationId: r.organisation_id as string,
  werkmakelaarId: r.werkmakelaar_id as string,
  route: r.route as string,
  gemeente: r.gemeente as string,
  werksoort: (r.werksoort as string | null) ?? null,
  form: (r.form as string | null) ?? null,
  formDetails: details(r.form_details),
  startDate: r.start_date as string,
  status: r.status as string,
  endDate: (r.end_date as string | null) ?? null,
  outcome: (r.outcome as string | null) ?? null,
  movedAway: r.moved_away as boolean,
  version: r.version as number,
  createdAt: (r.created_at as Date).toISOString(),
  updatedAt: (r.updated_at as Date).toISOString(),
});

/** The problem for a trajectory that has ended: it takes no more hours, switches or changes. */
const endedProblem = (endDate: unknown) =>
  Problems.conflict(
    'TRAJECTORY_ENDED',
    'The trajectory has ended',
    `It ended on ${isoDay(endDate)}; open a new trajectory to go on.`,
  );

@Injectable()
export class TrajectoriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rules: TrajectoryRulesService,
    private readonly audit: AuditService,
    private readonly candidates: CandidatesService,
  ) {}

  /** One trajectory of the werkmakelaar's organisation, optionally locked for a change. */
  private async row(em: EntityManager, actor: Actor, id: string, lock = false): Promise<Row> {
    const [r] = await queryRows<Row>(
      em,
      `SELECT ${TRAJECTORY_COLUMNS} FROM trajectories t JOIN candidates c ON c.id = t.candidate_id
        WHERE t.id = $1 AND t.organisation_id = $2 ${lock ? 'FOR UPDATE OF t' : ''}`,
      [id, actor.organisationId],
    );
    if (!r) throw Problems.notFound('Trajectory');
    return r;
  }

  private async running(em: EntityManager, actor: Actor, id: string, expected?: number) {
    const r = await this.row(em, actor, id, true);
    assertVersion(r.version as number, expected);
    if (r.status !== 'lopend') throw endedProblem(r.end_date);
    return r;
  }

  private async assertWorkplace(em: EntityManager, vacancyId: string | undefined) {
    if (!vacancyId) return;
    const [v] = await queryRows(em, `SELECT 1 FROM vacancies WHERE id = $1`, [vacancyId]);
    if (!v) throw Problems.validation([{ field: 'vacancyId', message: 'vacancy does not exist' }]);
  }

  async list(
    actor: Actor,
    query: TrajectoryListQuery,
  ): Promise<{ items: TrajectorySummaryView[] }> {
    const rows = await queryRows<Row>(
      this.db,
      `SELECT ${TRAJECTORY_COLUMNS} FROM trajectories t JOIN candidates c ON c.id = t.candidate_id
        WHERE t.organisation_id = $1 AND ($2::uuid IS NULL OR t.candidate_id = $2)
          AND ($3::text IS NULL OR t.status = $3)
        ORDER BY t.start_date DESC, t.id LIMIT 500`,
      [actor.organisationId, query.candidateId ?? null, query.status ?? null],
    );
    return { items: rows.map(summary) };
  }

  /**
   * One page of the organisation's trajectories for the werkmakelaar's list, newest start first: a
   * search over the pseudonym, the name of a candidate of their own caseload (caseloadNameSql, never
   * anyone else's) and the workplace, with the number found. Beside `list`, which the API keeps.
   */
  async page(
    actor: Actor,
    query: TrajectoryPageQuery,
  ): Promise<{ items: TrajectorySummaryView[]; total: number }> {
    const name = caseloadNameSql('c', '$4::uuid');
    const q = query.q?.trim();
    const rows = await queryRows<Row>(
      this.db,
      `SELECT ${TRAJECTORY_COLUMNS}, count(*) OVER ()::int AS total
         FROM trajectories t JOIN candidates c ON c.id = t.candidate_id
         ${name.join}
         LEFT JOIN vacancies tv ON tv.id::text = t.form_details->>'vacancyId'
        WHERE t.organisation_id = $1 AND ($2::text[] IS NULL OR t.status = ANY($2))
          AND ($3::text IS NULL OR c.pseudonym ILIKE $3 ESCAPE '\\' OR ${name.name} ILIKE $3 ESCAPE '\\'
               OR t.form_details->>'workplace' ILIKE $3 ESCAPE '\\' OR tv.title ILIKE $3 ESCAPE '\\')
        ORDER BY t.start_date DESC, t.id LIMIT $5 OFFSET $6`,
      [
        actor.organisationId,
        query.statuses?.length ? query.statuses : null,
        q ? `%${escapeLike(q)}%` : null,
        actor.role === 'werkmakelaar' ? actor.userId : null,
        query.limit,
        query.offset ?? 0,
      ],
    );
    return { items: rows.map(summary), total: (rows[0]?.total as number | undefined) ?? 0 };
  }

  async get(actor: Actor, id: string): Promise<TrajectoryView> {
    return this.view(this.db.manager, await this.row(this.db.manager, actor, id));
  }

  private async view(em: EntityManager, r: Row): Promise<TrajectoryView> {
    const id = r.id as string;
    const [weeks, goals, transitions, rule]: [Row[], Row[], Row[], RuleRow | null] =
      await Promise.all([
        queryRows<Row>(
          em,
          `SELECT week_start::text AS week_start, hours::float8 AS hours, override_reason, logged_by
             FROM trajectory_hours WHERE trajectory_id = $1 ORDER BY week_start`,
          [id],
        ),
        queryRows<Row>(
          em,
          `SELECT id, trajectory_id, description, status, evaluation_date::text AS evaluation_date, version
             FROM learning_goals WHERE trajectory_id = $1 ORDER BY evaluation_date NULLS LAST, created_at`,
          [id],
        ),
        queryRows<Row>(
          em,
          `SELECT id, from_form, from_details, to_form, to_details, switched_on::text AS switched_on, reason, decided_by
             FROM trajectory_transitions WHERE trajectory_id = $1 ORDER BY switched_on, created_at`,
          [id],
        ),
        this.rules.ruleOn(em, r.organisation_id as string, r.start_date as string),
      ]);
    const used = weeks.reduce((sum, w) => sum + (w.hours as number), 0);
    const status = rule ? hourStatus(rule, used) : null;
    const hours: HoursView = {
      rule: rule ? ruleRowView(rule) : null,
      used: Math.round(used * 10) / 10,
      left: status?.left ?? null,
      phase: status?.phase ?? null,
      block: status?.block ?? null,
      phaseEndsAt: status?.phaseEndsAt ?? null,
      hoursToPhaseEnd: status?.hoursToPhaseEnd ?? null,
      evaluationNear: status?.evaluationNear ?? false,
      endNear: status?.endNear ?? false,
      limitReached: status?.limitReached ?? false,
      weeks: weeks.map((w) => ({
        weekStart: w.week_start as string,
        hours: w.hours as number,
        overrideReason: (w.override_reason as string | null) ?? null,
        loggedBy: w.logged_by as string,
      })),
    };
    const held = new Set<string>();
    const transitionViews: TransitionView[] = transitions.map((x) => {
      if (x.from_form) held.add(x.from_form as string);
      const isReturn = held.has(x.to_form as string);
      return {
        id: x.id as string,
        fromForm: (x.from_form as string | null) ?? null,
        fromDetails: details(x.from_details),
        toForm: x.to_form as string,
        toDetails: details(x.to_details),
        switchedOn: x.switched_on as string,
        reason: x.reason as string,
        decidedBy: x.decided_by as string,
        isReturn,
      };
    });
    return {
      ...summary(r),
      endNote: (r.end_note as string | null) ?? null,
      hours,
      goals: goals.map(goalView),
      transitions: transitionViews,
      earlierForms: earlierForms(transitionViews, r.form as string | null),
    };
  }

  async create(actor: Actor, dto: CreateTrajectoryDto): Promise<TrajectoryView> {
    const id = await this.db.transaction(async (em) => {
      if (!(await isCandidateOfOrganisation(em, dto.candidateId, actor.organisationId)))
        throw Problems.validation([
          { field: 'candidateId', message: 'not a candidate of your organisation' },
        ]);
      // The candidate row is the lock that keeps two trajectories of one route from overlapping.
      const [cand] = await queryRows<Row>(
        em,
        `SELECT c.place, pa.municipality FROM candidates c
           LEFT JOIN postcode_areas pa ON pa.pc4 = left(c.postcode, 4)
          WHERE c.id = $1 FOR UPDATE OF c`,
        [dto.candidateId],
      );
      if (dto.werksoort) {
        const [ws] = await queryRows<unknown>(
          em,
          `SELECT 1 FROM werksoorten WHERE code = $1 AND active`,
          [dto.werksoort],
        );
        if (!ws) throw Problems.validation([{ field: 'werksoort', message: 'unknown werksoort' }]);
      }
      await this.assertWorkplace(em, dto.vacancyId);
      const [overlap] = await queryRows<Row>(
        em,
        `SELECT id, start_date::text AS start_date, end_date::text AS end_date FROM trajectories
          WHERE candidate_id = $1 AND route = $2 AND (end_date IS NULL OR end_date >= $3) LIMIT 1`,
        [dto.candidateId, dto.route, dto.startDate],
      );
      if (overlap)
        throw Problems.conflict(
          'TRAJECTORY_OVERLAP',
          'The candidate already has a trajectory on this route in that period',
          `Trajectory ${overlap.id} (${dto.route}) runs from ${overlap.start_date} ${overlap.end_date ? `to ${overlap.end_date}` : 'and has not ended'}.`,
          { trajectoryId: overlap.id },
        );
      const [saved] = await queryRows<Row>(
        em,
        `INSERT INTO trajectories (candidate_id, organisation_id, werkmakelaar_id, route, gemeente, werksoort,
                                   form, form_details, start_date, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, 'lopend') RETURNING id`,
        [
          dto.candidateId,
          actor.organisationId,
          actor.userId,
          dto.route,
          (cand.municipality as string | null) ?? (cand.place as string),
          dto.werksoort ?? null,
          dto.form ?? null,
          JSON.stringify(dto.form ? pickDetails(dto) : {}),
          dto.startDate,
        ],
      );
      // A running trajectory stops the retention clock (it starts again when the last one ends).
      await this.candidates.setRetentionClock(em, dto.candidateId, null);
      await this.audit.record(em, actor, {
        action: 'trajectory.create',
        candidateId: dto.candidateId,
        details: { trajectoryId: saved.id, route: dto.route },
      });
      return saved.id as string;
    });
    return this.get(actor, id);
  }

  async end(actor: Actor, id: string, dto: EndTrajectoryDto, ifMatch?: number) {
    await this.db.transaction(async (em) => {
      const r = await this.running(em, actor, id, ifMatch ?? dto.version);
      if (dto.endDate < (r.start_date as string))
        throw Problems.validation([
          { field: 'endDate', message: `must not be before the start (${r.start_date})` },
        ]);
      await queryRows(
        em,
        `UPDATE trajectories SET status = $2, outcome = $3, end_date = $4, moved_away = $5, end_note = $6,
                updated_at = now(), version = version + 1 WHERE id = $1`,
        [
          id,
          statusForOutcome(dto.outcome),
          dto.outcome,
          dto.endDate,
          dto.movedAway ?? false,
          dto.note ?? null,
        ],
      );
      // The retention clock starts when the candidate's last running trajectory ends.
      const [{ running }] = await queryRows<{ running: boolean }>(
        em,
        `SELECT EXISTS (SELECT 1 FROM trajectories WHERE candidate_id = $1 AND status = 'lopend') AS running`,
        [r.candidate_id],
      );
      if (!running)
        await this.candidates.setRetentionClock(em, r.candidate_id as string, dto.endDate);
      await this.audit.record(em, actor, {
        action: 'trajectory.end',
        candidateId: r.candidate_id as string,
        details: { trajectoryId: id, outcome: dto.outcome },
      });
    });
    return this.get(actor, id);
  }

  async logHours(actor: Actor, id: string, dto: LogHoursDto) {
    await this.db.transaction(async (em) => {
      const r = await this.running(em, actor, id);
      const weekday = new Date(`${dto.weekStart}T00:00:00Z`).getUTCDay();
      const errors: { field: string; message: string }[] = [];
      if (weekday !== 1) errors.push({ field: 'weekStart', message: 'must be a Monday' });
      if (dto.weekStart > today())
        errors.push({ field: 'weekStart', message: 'hours are logged for weeks that have begun' });
      const startMonday = mondayOf(r.start_date as string);
      if (dto.weekStart < startMonday)
        errors.push({
          field: 'weekStart',
          message: `must not be before the week the trajectory started (${startMonday})`,
        });
      if (errors.length) throw Problems.validation(errors);
      // The trajectory row is locked: this check and the insert below cannot race.
      const [taken] = await queryRows<unknown>(
        em,
        `SELECT 1 FROM trajectory_hours WHERE trajectory_id = $1 AND week_start = $2`,
        [id, dto.weekStart],
      );
      if (taken)
        throw Problems.conflict(
          'HOURS_ALREADY_LOGGED',
          'Hours for this week are already logged',
          `The week of ${dto.weekStart} already has hours on this trajectory.`,
        );
      const [{ used }] = await queryRows<{ used: number }>(
        em,
        `SELECT coalesce(sum(hours), 0)::float8 AS used FROM trajectory_hours WHERE trajectory_id = $1`,
        [id],
      );
      const rule = await this.rules.ruleOn(em, r.organisation_id as string, r.start_date as string);
      if (rule && exceedsMax(rule, used, dto.hours) && !dto.overrideReason) {
        throw new ProblemException(
          422,
          'HOUR_LIMIT',
          `Beyond the ${rule.maxHours}-hour limit`,
          `${dto.hours} more hours would bring this trajectory to ${Math.round((used + dto.hours) * 10) / 10} h; ` +
            `the limit is ${rule.maxHours} h (${rule.source}). Give an overrideReason to log them anyway.`,
          { limit: rule.maxHours, used, requested: dto.hours, rule: ruleRowView(rule) },
        );
      }
      await queryRows(
        em,
        `INSERT INTO trajectory_hours (trajectory_id, week_start, hours, logged_by, override_reason)
         VALUES ($1, $2, $3, $4, $5)`,
        [
          id,
          dto.weekStart,
          dto.hours,
          actor.userId,
          rule && exceedsMax(rule, used, dto.hours) ? dto.overrideReason : null,
        ],
      );
      await this.audit.record(em, actor, {
        action: 'trajectory.hours',
        candidateId: r.candidate_id as string,
        details: { trajectoryId: id, weekStart: dto.weekStart, hours: dto.hours },
      });
    });
    return this.get(actor, id);
  }

  async addGoal(actor: Actor, id: string, dto: CreateGoalDto): Promise<LearningGoalView> {
    return this.db.transaction(async (em) => {
      const r = await this.running(em, actor, id);
      const [g] = await queryRows<Row>(
        em,
        `INSERT INTO learning_goals (trajectory_id, description, status, evaluation_date)
         VALUES ($1, $2, $3, $4)
         RETURNING id, trajectory_id, description, status, evaluation_date::text AS evaluation_date, version`,
        [id, dto.description, dto.status ?? 'open', dto.evaluationDate ?? null],
      );
      await this.audit.record(em, actor, {
        action: 'trajectory.goal.create',
        candidateId: r.candidate_id as string,
        details: { trajectoryId: id, goalId: g.id },
      });
      return goalView(g);
    });
  }

  async updateGoal(actor: Actor, goalId: string, dto: UpdateGoalDto, ifMatch?: number) {
    return this.db.transaction(async (em) => {
      const [g] = await queryRows<Row>(
        em,
        `SELECT g.id, g.version, g.trajectory_id, g.evaluation_date::text AS evaluation_date, t.candidate_id
           FROM learning_goals g JOIN trajectories t ON t.id = g.trajectory_id
          WHERE g.id = $1 AND t.organisation_id = $2 FOR UPDATE OF g`,
        [goalId, actor.organisationId],
      );
      if (!g) throw Problems.notFound('Learning goal');
      assertVersion(g.version as number, ifMatch ?? dto.version);
      const dateChanged =
        dto.evaluationDate !== undefined && dto.evaluationDate !== g.evaluation_date;
      const [saved] = await queryRows<Row>(
        em,
        `UPDATE learning_goals SET description = coalesce($2, description), status = coalesce($3, status),
                evaluation_date = CASE WHEN $4::boolean THEN $5::date ELSE evaluation_date END,
                reminded_for = CASE WHEN $4::boolean THEN NULL ELSE reminded_for END,
                updated_at = now(), version = version + 1
          WHERE id = $1
          RETURNING id, trajectory_id, description, status, evaluation_date::text AS evaluation_date, version`,
        [
          goalId,
          dto.description ?? null,
          dto.status ?? null,
          dateChanged,
          dto.evaluationDate ?? null,
        ],
      );
      await this.audit.record(em, actor, {
        action: 'trajectory.goal.update',
        candidateId: g.candidate_id as string,
        details: { goalId },
      });
      return goalView(saved);
    });
  }

  /**
   * Simpel Switchen: a move to another form of work, in either direction, on the running trajectory
   * (no new intake, not an ending). Without details, a return gets the earlier form's jobcoach and
   * workplace back.
   */
  async switchForm(actor: Actor, id: string, dto: CreateTransitionDto) {
    await this.db.transaction(async (em) => {
      const r = await this.running(em, actor, id);
      const errors: { field: string; message: string }[] = [];
      if (dto.toForm === r.form)
        errors.push({ field: 'toForm', message: `the trajectory is already in ${r.form}` });
      if (dto.switchedOn < (r.start_date as string))
        errors.push({
          field: 'switchedOn',
          message: `must not be before the start (${r.start_date})`,
        });
      const [last] = await queryRows<Row>(
        em,
        `SELECT max(switched_on)::text AS last FROM trajectory_transitions WHERE trajectory_id = $1`,
        [id],
      );
      if (last?.last && dto.switchedOn < (last.last as string))
        errors.push({
          field: 'switchedOn',
          message: `must not be before the previous switch (${last.last})`,
        });
      if (errors.length) throw Problems.validation(errors);
      await this.assertWorkplace(em, dto.vacancyId);
      let toDetails = pickDetails(dto);
      if (!Object.keys(toDetails).length) {
        const [earlier] = await queryRows<Row>(
          em,
          `SELECT from_details FROM trajectory_transitions WHERE trajectory_id = $1 AND from_form = $2
            ORDER BY switched_on DESC, created_at DESC LIMIT 1`,
          [id, dto.toForm],
        );
        toDetails = (earlier?.from_details as Record<string, string>) ?? {};
      }
      await queryRows(
        em,
        `INSERT INTO trajectory_transitions (trajectory_id, from_form, from_details, to_form, to_details,
                                             switched_on, reason, decided_by, recorded_by)
         VALUES ($1, $2, $3::jsonb, $4, $5::jsonb, $6, $7, $8, $9)`,
        [
          id,
          r.form ?? null,
          JSON.stringify(r.form_details ?? {}),
          dto.toForm,
          JSON.stringify(toDetails),
          dto.switchedOn,
          dto.reason,
          dto.decidedBy,
          actor.userId,
        ],
      );
      await queryRows(
        em,
        `UPDATE trajectories SET form = $2, form_details = $3::jsonb, updated_at = now(), version = version + 1
          WHERE id = $1`,
        [id, dto.toForm, JSON.stringify(toDetails)],
      );
      await this.audit.record(em, actor, {
        action: 'trajectory.switch',
        candidateId: r.candidate_id as string,
        details: { trajectoryId: id, from: r.form, to: dto.toForm },
      });
    });
    return this.get(actor, id);
  }
}

const goalView = (g: Row): LearningGoalView => ({
  id: g.id as string,
  trajectoryId: g.trajectory_id as string,
  description: g.description as string,
  status: g.status as string,
  evaluationDate: (g.evaluation_date as string | null) ?? null,
  version: g.version as number,
});

/** Forms held earlier (not the current one), each with the details it had when it was left, latest first. */
export function earlierForms(
  transitions: readonly Pick<TransitionView, 'fromForm' | 'fromDetails' | 'switchedOn'>[],
  currentForm: string | null,
): EarlierFormView[] {
  const byForm = new Map<string, EarlierFormView>();
  for (const x of transitions) {
    if (!x.fromForm || x.fromForm === currentForm) continue;
    byForm.set(x.fromForm, { form: x.fromForm, details: x.fromDetails, leftOn: x.switchedOn });
  }
  return [...byForm.values()].sort((a, b) => b.leftOn.localeCompare(a.leftOn));
}
