import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '@werkbrug/database';
import type { Actor } from '@werkbrug/auth';
import { LocationDto, resolveLocation } from '@werkbrug/domain';
import {
  assertVersion,
  escapeLike,
  expectedVersion,
  Page,
  paginate,
  Problems,
} from '@werkbrug/http';
import { OutboxService } from '@werkbrug/outbox';
import {
  CreateEmployerDto,
  EmployerListQuery,
  EmployerView,
  toEmployerView,
  UpdateEmployerDto,
} from './employer.dto';
import {
  assertMayEditEmployer,
  employerVisibleSql,
  QB_VISIBILITY,
  visibilityParams,
} from './employer-access';
import { Employer } from './employer.entity';
import { EmployerLocation } from './employer-location.entity';

const SORTABLE = {
  createdAt: { column: 'e.createdAt', read: (e: Employer) => e.createdAt },
  name: { column: 'e.name', read: (e: Employer) => e.name },
};

@Injectable()
export class EmployersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  /** Who sees which employer: the one rule in employer-access.ts. */
  private scoped(actor: Actor, manager: EntityManager = this.db.manager) {
    return manager
      .getRepository(Employer)
      .createQueryBuilder('e')
      .andWhere(employerVisibleSql('e', QB_VISIBILITY), visibilityParams(actor));
  }

  /** An organisation's region, the default region of the employers it brings in. */
  private async regionOf(em: EntityManager, organisationId: string | null): Promise<string | null> {
    if (!organisationId) return null;
    const [row] = await queryRows<{ region: string; kind: string }>(
      em,
      `SELECT region, kind FROM organisations WHERE id = $1`,
      [organisationId],
    );
    if (!row || row.kind === 'werkgever') return null;
    return row.region as string;
  }

  async list(actor: Actor, query: EmployerListQuery): Promise<Page<EmployerView>> {
    const qb = this.scoped(actor).leftJoinAndSelect('e.locations', 'l');
    if (query.name)
      qb.andWhere(`e.name ILIKE :name ESCAPE '\\'`, { name: `%${escapeLike(query.name)}%` });
    if (query.kvkNumber) qb.andWhere('e.kvkNumber = :kvk', { kvk: query.kvkNumber });
    if (query.place) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM employer_locations pl WHERE pl.employer_id = e.id AND pl.place ILIKE :place)`,
        {
          place: escapeLike(query.place),
        },
      );
    }
    return paginate(qb, query, SORTABLE, 'name', toEmployerView);
  }

  async get(actor: Actor, id: string): Promise<EmployerView> {
    const e = await this.scoped(actor)
      .leftJoinAndSelect('e.locations', 'l')
      .andWhere('e.id = :id', { id })
      .getOne();
    if (!e) throw Problems.notFound('Employer');
    return toEmployerView(e);
  }

  private async locations(em: EntityManager, dtos: LocationDto[]) {
    const resolved = [];
    for (const [i, dto] of dtos.entries())
      resolved.push(await resolveLocation(em, dto, `locations.${i}`));
    return resolved;
  }

  async create(actor: Actor, dto: CreateEmployerDto): Promise<EmployerView> {
    if ((dto.sbiCode === undefined) !== (dto.sbiVersion === undefined)) {
      throw Problems.validation([
        { field: 'sbiVersion', message: 'sbiCode and sbiVersion go together' },
      ]);
    }
    return this.db.transaction((em) => this.insertEmployer(em, actor, dto));
  }

  /** The create in the caller's transaction (the API's own, or an import's batch). */
  private async insertEmployer(
    em: EntityManager,
    actor: Actor,
    dto: CreateEmployerDto,
  ): Promise<EmployerView> {
    const [clash] = await queryRows<unknown>(em, `SELECT 1 FROM employers WHERE kvk_number = $1`, [
      dto.kvkNumber,
    ]);
    if (clash) throw Problems.duplicate('An employer with this KvK number already exists.');
    const locations = await this.locations(em, dto.locations);
    const name = dto.name.trim();
    // A werkmakelaar's organisation brings the employer in and owns it; an administrator names one.
    const owner =
      actor.role === 'werkmakelaar' ? actor.organisationId : (dto.ownerOrganisationId ?? null);
    const ownerRegion = await this.regionOf(em, owner);
    if (owner && ownerRegion === null)
      throw Problems.validation([
        { field: 'ownerOrganisationId', message: 'not a broker organisation' },
      ]);
    const region = dto.region?.trim() || ownerRegion || (locations[0]?.place ?? '');
    // Each employer is its own tenant; the organisation name carries the KvK number to stay unique.
    const [org] = await queryRows<{ id: string }>(
      em,
      `INSERT INTO organisations (kind, name, region) VALUES ('werkgever', $1, $2) RETURNING id`,
      [`${name} (KvK ${dto.kvkNumber})`, locations[0]?.place ?? ''],
    );
    const repo = em.getRepository(Employer);
    const saved = await repo.save(
      repo.create({
        organisationId: org.id,
        ownerOrganisationId: owner,
        region,
        name,
        kvkNumber: dto.kvkNumber,
        sbiCode: dto.sbiCode ?? null,
        sbiVersion: dto.sbiVersion ?? null,
        contactName: dto.contactName?.trim() ?? '',
        contactEmail: dto.contactEmail?.toLowerCase() ?? null,
        contactPhone: dto.contactPhone ?? null,
        locations: locations.map((l) => em.getRepository(EmployerLocation).create(l)),
      }),
    );
    return toEmployerView(saved);
  }

  async update(
    actor: Actor,
    id: string,
    dto: UpdateEmployerDto,
    ifMatch?: number,
  ): Promise<EmployerView> {
    const expected = expectedVersion(ifMatch, dto.version);
    return this.db.transaction((em) => this.applyUpdate(em, actor, id, dto, expected));
  }

  /** The change in the caller's transaction: scoping, who may edit, the version, the search update. */
  private async applyUpdate(
    em: EntityManager,
    actor: Actor,
    id: string,
    dto: UpdateEmployerDto,
    expected: number,
  ): Promise<EmployerView> {
    const repo = em.getRepository(Employer);
    const e = await this.scoped(actor, em)
      .andWhere('e.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!e) throw Problems.notFound('Employer');
    assertMayEditEmployer(actor, e);
    assertVersion(e.version, expected);
    if (dto.ownerOrganisationId !== undefined) {
      if (actor.role !== 'admin')
        throw Problems.forbidden(
          'Only an administrator hands an employer to another organisation.',
        );
      if ((await this.regionOf(em, dto.ownerOrganisationId)) === null)
        throw Problems.validation([
          { field: 'ownerOrganisationId', message: 'not a broker organisation' },
        ]);
      e.ownerOrganisationId = dto.ownerOrganisationId;
    }
    if (dto.region !== undefined) e.region = dto.region.trim();
    if (dto.name !== undefined) e.name = dto.name.trim();
    if (dto.sbiCode !== undefined) e.sbiCode = dto.sbiCode;
    if (dto.sbiVersion !== undefined) e.sbiVersion = dto.sbiVersion;
    if ((e.sbiCode === null) !== (e.sbiVersion === null)) {
      throw Problems.validation([
        { field: 'sbiVersion', message: 'sbiCode and sbiVersion go together' },
      ]);
    }
    if (dto.contactName !== undefined) e.contactName = dto.contactName.trim();
    if (dto.contactEmail !== undefined) e.contactEmail = dto.contactEmail.toLowerCase();
    if (dto.contactPhone !== undefined) e.contactPhone = dto.contactPhone;
    if (dto.locations !== undefined) {
      const locations = await this.locations(em, dto.locations);
      await em.getRepository(EmployerLocation).delete({ employerId: id });
      await em
        .getRepository(EmployerLocation)
        .save(locations.map((l) => ({ ...l, employerId: id })));
    }
    e.updatedAt = new Date();
    await repo.save(e);
    // The employer name is shown on vacancy search documents.
    await this.outbox.enqueue(em, {
      topic: 'search.employer',
      aggregateType: 'employer',
      aggregateId: id,
    });
    const fresh = await repo.findOneOrFail({ where: { id }, relations: { locations: true } });
    return toEmployerView(fresh);
  }

  /**
   * Import and export (libs/import): the employers an organisation brought in, with their locations.
   */
  async ownedForTransfer(
    organisationId: string,
    em: EntityManager = this.db.manager,
  ): Promise<EmployerView[]> {
    const rows = await em
      .getRepository(Employer)
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.locations', 'l')
      .where('e.ownerOrganisationId = :organisationId', { organisationId })
      .orderBy('e.createdAt')
      .addOrderBy('e.id')
      .getMany();
    return rows.map(toEmployerView);
  }

  /** Employers by KvK number (any owner), for an import to recognise one that is already here. */
  async byKvkNumbers(
    kvkNumbers: readonly string[],
    em: EntityManager = this.db.manager,
  ): Promise<Map<string, { id: string; ownerOrganisationId: string | null }>> {
    const rows = kvkNumbers.length
      ? await queryRows<{ id: string; kvk_number: string; owner_organisation_id: string | null }>(
          em,
          `SELECT id, kvk_number, owner_organisation_id FROM employers WHERE kvk_number = ANY($1::text[])`,
          [[...new Set(kvkNumbers)]],
        )
      : [];
    return new Map(
      rows.map((r) => [r.kvk_number, { id: r.id, ownerOrganisationId: r.owner_organisation_id }]),
    );
  }

  /** Import: a new employer in the caller's transaction (a batch). */
  createForImport(em: EntityManager, actor: Actor, dto: CreateEmployerDto): Promise<EmployerView> {
    if ((dto.sbiCode === undefined) !== (dto.sbiVersion === undefined)) {
      throw Problems.validation([
        { field: 'sbiVersion', message: 'sbiCode and sbiVersion go together' },
      ]);
    }
    return this.insertEmployer(em, actor, dto);
  }

  /** Import: a change in the caller's transaction, with the version the import read. */
  updateForImport(
    em: EntityManager,
    actor: Actor,
    id: string,
    dto: UpdateEmployerDto,
    expected: number,
  ): Promise<EmployerView> {
    return this.applyUpdate(em, actor, id, dto, expected);
  }

  async remove(id: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const [{ used }] = await queryRows<{ used: boolean }>(
        em,
        `SELECT (EXISTS (SELECT 1 FROM vacancies WHERE employer_id = $1)
              OR EXISTS (SELECT 1 FROM users WHERE employer_id = $1)) AS used`,
        [id],
      );
      if (used) {
        throw Problems.conflict(
          'EMPLOYER_IN_USE',
          'Employer has vacancies or users',
          'Close its vacancies and remove its users first.',
        );
      }
      const rows = await queryRows<{ organisation_id: string }>(
        em,
        `DELETE FROM employers WHERE id = $1 RETURNING organisation_id`,
        [id],
      );
      if (!rows.length) throw Problems.notFound('Employer');
      await queryRows(em, `DELETE FROM organisations WHERE id = $1 AND kind = 'werkgever'`, [
        rows[0].organisation_id,
      ]);
    });
  }
}
