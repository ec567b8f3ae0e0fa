import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@werkbrug/auth';
import { resolveLocation } from '@werkbrug/domain';
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
import { ONE_VACANCY_SQL, oneVacancyParams } from './vacancy-row';
import { toVacancyView, VacancyView } from './vacancy.view';

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

  /** Employers see only their own vacancies; candidates only open ones; brokers and admins all. */
  private scoped(actor: Actor, manager: EntityManager = this.db.manager) {
    const qb = manager.getRepository(Vacancy).createQueryBuilder('v');
    if (actor.role === 'werkgever') qb.andWhere('v.employerId = :own', { own: actor.employerId });
    if (actor.role === 'kandidaat') qb.andWhere(`v.status = 'open'`);
    return qb;
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
    const [row] = await this.db.query(ONE_VACANCY_SQL, oneVacancyParams(actor, id));
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
    const [found] = await em.query(`SELECT 1 FROM employers WHERE id = $1`, [employerId]);
    if (!found)
      throw Problems.validation([{ field: 'employerId', message: 'employer does not exist' }]);
    return employerId;
  }

  async create(actor: Actor, dto: CreateVacancyDto): Promise<VacancyView> {
    this.checkHours(dto.hoursMin, dto.hoursMax);
    const werksoortIds = await this.werksoorten.requireActiveCodes([dto.werksoort], 'werksoort');
    const id = await this.db.transaction(async (em) => {
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
    });
    return this.get(actor, id);
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
    await this.db.transaction(async (em) => {
      const v = await this.scoped(actor, em)
        .andWhere('v.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!v) throw Problems.notFound('Vacancy');
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
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const v = await this.scoped(actor, em)
        .andWhere('v.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!v) throw Problems.notFound('Vacancy');
      await em.getRepository(Vacancy).delete({ id });
      await this.outbox.enqueue(em, {
        topic: 'search.vacancy',
        aggregateType: 'vacancy',
        aggregateId: id,
      });
    });
  }
}
