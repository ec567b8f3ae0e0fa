import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@werkbrug/auth';
import { resolveLocation } from '@werkbrug/domain';
import {
  assertMayEditEmployer,
  QB_VISIBILITY,
  vacancyVisibleSql,
  visibilityParams,
} from '@werkbrug/employers';
import {
  assertVersion,
  escapeLike,
  expectedVersion,
  Page,
  paginate,
  Problems,
} from '@werkbrug/http';
import { OutboxService } from '@werkbrug/outbox';
import { WerksoortenService } from '@werkbrug/werksoorten';
import { CreateVacancyDto, UpdateVacancyDto, VacancyListQuery } from './vacancy.dto';
import { Vacancy } from './vacancy.entity';
import { newVacancyData, vacancyRecordFromRow } from './vacancy-data';
import {
  ONE_VACANCY_SQL,
  oneVacancyParams,
  RAW_VISIBILITY,
  rawVisibilityParams,
} from './vacancy-row';
import { toVacancyView, VacancyView } from './vacancy.view';
import { queryRows } from '@werkbrug/database';

const SORTABLE = {
  createdAt: { column: 'v.createdAt', read: (v: Vacancy) => v.createdAt },
  updatedAt: { column: 'v.updatedAt', read: (v: Vacancy) => v.updatedAt },
  title: { column: 'v.title', read: (v: Vacancy) => v.title },
};

@Injectable()
export class VacanciesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly werksoorten: WerksoortenService,
  ) {}

  /** Who sees which workplace: the one rule in @werkbrug/employers (employer-access.ts). */
  private scoped(actor: Actor, manager: EntityManager = this.db.manager) {
    return manager
      .getRepository(Vacancy)
      .createQueryBuilder('v')
      .innerJoin('v.employer', 've')
      .andWhere(vacancyVisibleSql('v', 've', QB_VISIBILITY), visibilityParams(actor));
  }

  /** Changing a workplace is for whoever may change its employer (owner organisation, own users). */
  private async assertMayEdit(em: EntityManager, actor: Actor, employerId: string) {
    const [employer] = await queryRows<{ id: string; owner_organisation_id: string | null }>(
      em,
      `SELECT id, owner_organisation_id FROM employers WHERE id = $1`,
      [employerId],
    );
    if (!employer)
      throw Problems.validation([{ field: 'employerId', message: 'employer does not exist' }]);
    assertMayEditEmployer(actor, {
      id: employer.id,
      ownerOrganisationId: employer.owner_organisation_id,
    });
  }

  private withNames<T extends ReturnType<VacanciesService['scoped']>>(qb: T) {
    return qb.leftJoinAndSelect('v.employer', 'e').leftJoinAndSelect('v.werksoort', 'w');
  }

  list(actor: Actor, query: VacancyListQuery): Promise<Page<VacancyView>> {
    const qb = this.withNames(this.scoped(actor));
    if (query.status) qb.andWhere('v.status = :status', { status: query.status });
    if (query.werksoort) qb.andWhere('w.code = :werksoort', { werksoort: query.werksoort });
    if (query.arrangement)
      qb.andWhere(':arrangement = ANY(v.arrangements)', { arrangement: query.arrangement });
    if (query.employerId)
      qb.andWhere('v.employerId = :employerId', { employerId: query.employerId });
    if (query.place)
      qb.andWhere(`v.place ILIKE :place ESCAPE '\\'`, { place: escapeLike(query.place) });
    return paginate(qb, query, SORTABLE, '-createdAt', toVacancyView);
  }

  async get(actor: Actor, id: string): Promise<VacancyView> {
    const [row] = await queryRows<Record<string, unknown>>(
      this.db,
      ONE_VACANCY_SQL,
      oneVacancyParams(actor, id),
    );
    if (!row) throw Problems.notFound('Vacancy');
    return toVacancyView(vacancyRecordFromRow(row));
  }

  private checkHours(min: number, max: number) {
    if (min > max)
      throw Problems.validation([
        { field: 'hoursMin', message: 'hoursMin must not exceed hoursMax' },
      ]);
  }

  /** Werkgevers post for their own employer; others must name one that exists. */
  private async employerFor(
    em: EntityManager,
    actor: Actor,
    employerId: string | undefined,
  ): Promise<string> {
    if (actor.role === 'werkgever') {
      if (employerId && employerId !== actor.employerId) {
        throw Problems.validation([
          { field: 'employerId', message: 'you can only post vacancies for your own employer' },
        ]);
      }
      return actor.employerId as string;
    }
    if (!employerId)
      throw Problems.validation([{ field: 'employerId', message: 'employerId is required' }]);
    await this.assertMayEdit(em, actor, employerId);
    return employerId;
  }

  async create(actor: Actor, dto: CreateVacancyDto): Promise<VacancyView> {
    const id = await this.db.transaction((em) => this.insertVacancy(em, actor, dto));
    return this.get(actor, id);
  }

  /** The create in the caller's transaction (the API's own, or an import's batch); answers the id. */
  private async insertVacancy(
    em: EntityManager,
    actor: Actor,
    dto: CreateVacancyDto,
  ): Promise<string> {
    this.checkHours(dto.hoursMin, dto.hoursMax);
    const werksoortIds = await this.werksoorten.requireActiveCodes([dto.werksoort], 'werksoort');
    const employerId = await this.employerFor(em, actor, dto.employerId);
    const location = await resolveLocation(em, dto.location, 'location');
    const repo = em.getRepository(Vacancy);
    const saved = await repo.save(
      repo.create(
        newVacancyData(dto, {
          employerId,
          werksoortId: werksoortIds.get(dto.werksoort) as string,
          location,
        }),
      ),
    );
    await this.outbox.enqueue(em, {
      topic: 'search.vacancy',
      aggregateType: 'vacancy',
      aggregateId: saved.id,
    });
    return saved.id;
  }

  /**
   * Import and export (libs/import): the workplaces of the employers an organisation brought in,
   * with the employer's KvK number and the werksoort's code.
   */
  async ownedForTransfer(
    organisationId: string,
    em: EntityManager = this.db.manager,
  ): Promise<{ vacancy: Vacancy; employerKvk: string; werksoort: string }[]> {
    const rows = await em
      .getRepository(Vacancy)
      .createQueryBuilder('v')
      .innerJoinAndSelect('v.employer', 'e')
      .innerJoinAndSelect('v.werksoort', 'w')
      .where('e.ownerOrganisationId = :organisationId', { organisationId })
      .orderBy('v.createdAt')
      .addOrderBy('v.id')
      .getMany();
    return rows.map((vacancy) => ({
      vacancy,
      employerKvk: vacancy.employer?.kvkNumber ?? '',
      werksoort: vacancy.werksoort?.code ?? '',
    }));
  }

  /** Import: a new workplace in the caller's transaction (a batch); answers the id. */
  createForImport(em: EntityManager, actor: Actor, dto: CreateVacancyDto): Promise<string> {
    return this.insertVacancy(em, actor, dto);
  }

  /** Import: a change in the caller's transaction, with the version the import read. */
  async updateForImport(
    em: EntityManager,
    actor: Actor,
    id: string,
    dto: UpdateVacancyDto,
    expected: number,
  ): Promise<void> {
    const werksoortIds = dto.werksoort
      ? await this.werksoorten.requireActiveCodes([dto.werksoort], 'werksoort')
      : null;
    await this.applyUpdate(em, actor, id, dto, expected, werksoortIds);
  }

  async update(
    actor: Actor,
    id: string,
    dto: UpdateVacancyDto,
    ifMatch?: number,
  ): Promise<VacancyView> {
    const expected = expectedVersion(ifMatch, dto.version);
    const werksoortIds = dto.werksoort
      ? await this.werksoorten.requireActiveCodes([dto.werksoort], 'werksoort')
      : null;
    await this.db.transaction((em) => this.applyUpdate(em, actor, id, dto, expected, werksoortIds));
    return this.get(actor, id);
  }

  /** The change in the caller's transaction: scoping, who may edit, the version, the search update. */
  private async applyUpdate(
    em: EntityManager,
    actor: Actor,
    id: string,
    dto: UpdateVacancyDto,
    expected: number,
    werksoortIds: Map<string, string> | null,
  ): Promise<void> {
    const v = await this.scoped(actor, em)
      .andWhere('v.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!v) throw Problems.notFound('Vacancy');
    await this.assertMayEdit(em, actor, v.employerId);
    assertVersion(v.version, expected);
    if (dto.werksoort && werksoortIds) v.werksoortId = werksoortIds.get(dto.werksoort) as string;
    if (dto.title !== undefined) v.title = dto.title.trim();
    if (dto.description !== undefined) v.description = dto.description.trim();
    if (dto.location) Object.assign(v, await resolveLocation(em, dto.location, 'location'));
    const simple = [
      'arrangements',
      'hoursMin',
      'hoursMax',
      'workingDays',
      'dayparts',
      'hoursAdjustable',
      'requiredCertificates',
      'desiredCertificates',
      'minLanguageLevel',
      'jobcoachWelcome',
      'buddyAvailable',
      'wheelchairAccessible',
      'places',
      'startDate',
      'status',
      'instruments',
    ] as const;
    for (const key of simple) {
      if (dto[key] !== undefined) Object.assign(v, { [key]: dto[key] });
    }
    if (dto.hoursAdjustmentNote !== undefined)
      v.hoursAdjustmentNote = dto.hoursAdjustmentNote.trim();
    if (dto.demands) {
      v.demandLifting = dto.demands.lifting;
      v.demandStanding = dto.demands.standing;
      v.demandPace = dto.demands.pace;
      v.demandStimuli = dto.demands.stimuli;
      v.demandOutdoor = dto.demands.outdoor;
    }
    this.checkHours(v.hoursMin, v.hoursMax);
    if (v.places < v.placesFilled) {
      throw Problems.validation([
        { field: 'places', message: `${v.placesFilled} places are already filled` },
      ]);
    }
    await em.getRepository(Vacancy).save(v);
    await this.outbox.enqueue(em, {
      topic: 'search.vacancy',
      aggregateType: 'vacancy',
      aggregateId: id,
    });
  }

  /**
   * Whether a placement may start on a workplace (placements, when one starts): it exists, is open,
   * offers the arrangement and has a free place. Nothing is taken: the place is filled once the
   * employer confirms the placement (fillPlace).
   */
  async checkPlace(
    em: EntityManager,
    actor: Actor,
    vacancyId: string,
    arrangement: string,
  ): Promise<void> {
    const [vacancy] = await queryRows<{
      places: number;
      places_filled: number;
      arrangements: string[];
      status: string;
    }>(
      em,
      `SELECT v.places, v.places_filled, v.arrangements, v.status
         FROM vacancies v JOIN employers e ON e.id = v.employer_id
        WHERE v.id = $1 AND ${vacancyVisibleSql('v', 'e', RAW_VISIBILITY)}
          FOR UPDATE OF v`,
      [vacancyId, ...rawVisibilityParams(actor)],
    );
    if (!vacancy)
      throw Problems.validation([{ field: 'vacancyId', message: 'vacancy does not exist' }]);
    if (vacancy.status !== 'open') {
      throw Problems.conflict(
        'VACANCY_NOT_OPEN',
        'The workplace is not open',
        `The workplace has status ${vacancy.status}; open it again before placing someone.`,
      );
    }
    if (!(vacancy.arrangements as string[]).includes(arrangement)) {
      throw Problems.validation([
        {
          field: 'arrangement',
          message: `the workplace offers ${(vacancy.arrangements as string[]).join(', ')}`,
        },
      ]);
    }
    if (vacancy.places_filled >= vacancy.places) {
      throw Problems.conflict(
        'NO_FREE_PLACE',
        'The workplace has no free place',
        `All ${vacancy.places} places are filled.`,
      );
    }
  }

  /**
   * The one way another module takes a place on a workplace: a placement the employer agreed to
   * (placements). Row-locked, so two placements cannot take the last place together; refused when
   * every place was filled meanwhile, and the caller's transaction rolls it back on a later refusal.
   * Open and arrangement were checked when the placement started (checkPlace); an employer who paused
   * the workplace since may still confirm who comes. The search document follows through the outbox
   * (a full workplace leaves matching).
   */
  async fillPlace(em: EntityManager, vacancyId: string): Promise<void> {
    const [vacancy] = await queryRows<{ places: number; places_filled: number }>(
      em,
      `SELECT places, places_filled FROM vacancies WHERE id = $1 FOR UPDATE`,
      [vacancyId],
    );
    if (!vacancy) throw Problems.notFound('Vacancy');
    if (vacancy.places_filled >= vacancy.places) {
      throw Problems.conflict(
        'NO_FREE_PLACE',
        'The workplace has no free place',
        `All ${vacancy.places} places are filled. Raise the number of places, or end another placement first.`,
      );
    }
    await this.changePlacesFilled(em, vacancyId, +1);
  }

  /** A placement ended: its place is free again. */
  releasePlace(em: EntityManager, vacancyId: string): Promise<void> {
    return this.changePlacesFilled(em, vacancyId, -1);
  }

  private async changePlacesFilled(em: EntityManager, vacancyId: string, delta: 1 | -1) {
    await queryRows(
      em,
      `UPDATE vacancies SET places_filled = greatest(0, places_filled + $2), updated_at = now(), version = version + 1 WHERE id = $1`,
      [vacancyId, delta],
    );
    await this.outbox.enqueue(em, {
      topic: 'search.vacancy',
      aggregateType: 'vacancy',
      aggregateId: vacancyId,
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const v = await this.scoped(actor, em)
        .andWhere('v.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!v) throw Problems.notFound('Vacancy');
      await this.assertMayEdit(em, actor, v.employerId);
      // Proposals and placements keep their history (and statistics) on the workplace.
      const [{ used }] = await queryRows<{ used: boolean }>(
        em,
        `SELECT (EXISTS (SELECT 1 FROM proposals WHERE vacancy_id = $1)
              OR EXISTS (SELECT 1 FROM placements WHERE vacancy_id = $1)) AS used`,
        [id],
      );
      if (used) {
        throw Problems.conflict(
          'VACANCY_IN_USE',
          'The workplace has proposals or placements',
          'A workplace with proposals or placements cannot be deleted; set its status to closed instead (it then leaves matching and keeps its history).',
        );
      }
      await em.getRepository(Vacancy).delete({ id });
      await this.outbox.enqueue(em, {
        topic: 'search.vacancy',
        aggregateType: 'vacancy',
        aggregateId: id,
      });
    });
  }
}
